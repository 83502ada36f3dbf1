import { PDFDocument } from 'pdf-lib';

/**
 * A copy of `original` with the first page of `overlay` drawn over every page, scaled to the page, so
 * what is under it stays visible and extractable; the overlay's further pages (a void stamp's reason in
 * full, when it is too long for the stamp) follow the last page. The original bytes are only read: the
 * stored file and its SHA-256 stay as issued.
 */
export async function overlayEveryPage(original: Uint8Array, overlay: Uint8Array): Promise<Buffer> {
  const document = await PDFDocument.load(original, { updateMetadata: false });
  const overlayDocument = await PDFDocument.load(overlay);
  const [stamp] = await document.embedPdf(overlayDocument, [0]);
  for (const page of document.getPages()) {
    const { width, height } = page.getSize();
    page.drawPage(stamp, { x: 0, y: 0, width, height });
  }
  const further = overlayDocument.getPageIndices().slice(1);
  for (const page of await document.copyPages(overlayDocument, further)) document.addPage(page);
  return Buffer.from(await document.save());
}
