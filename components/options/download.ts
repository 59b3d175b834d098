/**
 * Saves text as a file through the browser's own download (no `downloads` permission): a Blob
 * URL on a temporary `<a download>`, clicked, removed, and the URL revoked once the download
 * has taken it (Firefox drops a download whose URL is revoked in the same task).
 */
export function downloadText(file: { fileName: string; mime: string; text: string }, revokeAfterMs = 1000): void {
  const blob = new Blob([file.text], { type: file.mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), revokeAfterMs);
  }
}
