/** Hands bytes fetched with the person's token to the browser to save under `name`. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A CSV answer as a file (UTF-8, as the service wrote it). */
export const csvBlob = (text: string): Blob => new Blob([text], { type: 'text/csv;charset=utf-8' });

/** 0.4567 as "45.7%". */
export const percent = (share: number | null | undefined): string =>
  share === null || share === undefined ? '—' : `${(share * 100).toFixed(1)}%`;

/** A figure or a dash when the service could not compute it (no denominator). */
export const figure = (x: number | null | undefined, digits = 3): string =>
  x === null || x === undefined ? '—' : String(Number(x.toFixed(digits)));
