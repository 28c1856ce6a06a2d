//! With the `split` feature, the wasm linker keeps its relocations: `wasm-split-cli` needs them
//! to cut the module in two (scripts/split.mjs).

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo:rustc-link-arg-bin=cogovern-app=--emit-relocs");
    }
}
