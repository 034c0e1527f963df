/** A CSV document (RFC 4180, comma-separated, every cell quoted when it must be), with a BOM so spreadsheet programs read UTF-8. */
export function toCsv(header: string[], rows: (string | number | undefined | null)[][]): string {
  const cell = (value: string | number | undefined | null) => {
    const text = value === undefined || value === null ? '' : String(value);
    return /[",\r\n]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Lets the browser save `content` as a file. */
export function download(filename: string, content: BlobPart, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
