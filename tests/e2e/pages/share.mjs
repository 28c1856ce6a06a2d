// Page object of sharing: the share dialog (link, length, QR code) and the dialog of an opened
// link (what it holds, open / add / answer / cancel, or why it cannot be opened).
import { createRequire } from 'node:module';
import { Room } from './room.mjs';

const jsQR = createRequire(import.meta.url)('jsqr');

export class Share extends Room {
  open(w) { return this.t('share', w); }
  dialog(w) { return this.t('share-dialog', w); }
  link(w) { return this.t('share-link', w); }
  length(w) { return this.t('share-length', w); }
  long(w) { return this.t('share-long', w); }
  onlyModel(w) { return this.t('share-model', w); }
  wholeWorkbook(w) { return this.t('share-workbook', w); }
  qr(w) { return this.t('share-qr', w); }
  noQr(w) { return this.t('share-no-qr', w); }
  large(w) { return this.t('share-qr-large', w); }
  close(w) { return this.t('share-close', w); }
  // The dialog of an opened link.
  incoming(w) { return this.t('link-dialog', w); }
  summary(w) { return this.t('link-summary', w); }
  add(w) { return this.t('link-add', w); }
  openNew(w) { return this.t('link-open', w); }
  answer(w) { return this.t('link-answer', w); }
  cancel(w) { return this.t('link-cancel', w); }
  error(w) { return this.t('link-error', w); }
  errorMessage(w) { return this.t('link-error-message', w); }
  closeError(w) { return this.t('link-close', w); }

  /** The share link now in the dialog. */
  async linkText() { return this.link().inputValue(); }

  /** Draws the dialog's QR code as the browser renders it (4 pixels a module) and reads it
   *  with jsQR, as a phone camera would; the text it holds, or null. */
  async scanQr() {
    const { width, height, data } = await this.qr().locator('svg').evaluate(async (svg) => {
      const n = svg.viewBox.baseVal.width * 4;
      const text = new XMLSerializer().serializeToString(svg);
      const img = new Image();
      img.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = n;
      canvas.height = n;
      const ctx = canvas.getContext('2d');
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(img, 0, 0, n, n);
      return { width: n, height: n, data: Array.from(ctx.getImageData(0, 0, n, n).data) };
    });
    return jsQR(Uint8ClampedArray.from(data), width, height)?.data ?? null;
  }
}
