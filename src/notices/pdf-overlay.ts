import { PDFDocument } from 'pdf-lib';

/**
 * A copy of `original` with the first page of `overlay` drawn over every page, scaled to the page, so
 * what is under it stays visible and extractable. The original bytes are only read: the stored file
 * and its SHA-256 stay as issued.
 */
export async function overlayEveryPage(original: Uint8Array, overlay: Uint8Array): Promise<Buffer> {
  const document = await PDFDocument.load(original, { updateMetadata: false });
  const [stamp] = await document.embedPdf(overlay, [0]);
  for (const page of document.getPages()) {
    const { width, height } = page.getSize();
    page.drawPage(stamp, { x: 0, y: 0, width, height });
  }
  return Buffer.from(await document.save());
}
