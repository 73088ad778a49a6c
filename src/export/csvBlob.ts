/** A CSV file as downloaded: a byte-order mark first, so spreadsheet programs read the en dashes and accents as UTF-8. */
export const csvBlob = (text: string) => new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
