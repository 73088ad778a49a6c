/** Saving and copying what the export made. */

/** Starts a download of `blob` named `fileName` (an object URL, revoked afterwards). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start reading the blob before it goes.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Puts a PNG on the clipboard. Resolves false (never throws) when the browser refuses. */
export async function copyPngToClipboard(png: Promise<Blob>): Promise<{ ok: true } | { ok: false; reason: string }> {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) {
    return { ok: false, reason: 'This browser cannot put images on the clipboard.' };
  }
  try {
    // A promise inside the ClipboardItem keeps the user gesture alive while the PNG renders (Safari needs this).
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
    return { ok: true };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    return { ok: false, reason: name === 'NotAllowedError' ? 'The browser did not allow copying the image.' : 'The image could not be copied.' };
  }
}

/** Copies text. Resolves false (never throws) when the browser refuses. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
