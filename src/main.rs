//! The web app's entry point: mounts the UI.

fn main() {
    cogovern::ui::start();
}
