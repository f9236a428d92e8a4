// Printed QR labels for rooms (#14): the label sheet page.
export default {
  labels: {
    title: 'Room QR labels',
    intro: '24 labels per A4 sheet (3 columns × 8 rows). Print at actual size (100%), not “fit to page”.',
    print: 'Print',
    count: '{n} labels, {pages} pages',
    floor: 'Floor {floor}',
    scanHint: 'Scan to inspect',
    empty: 'No rooms to print. On the Register page, choose “Print QR labels for all” or “Print this building’s labels”.',
    invalid: 'The list of rooms received is not valid; no labels were printed.',
    generating: 'Making the QR codes…',
    failed: 'Could not make the QR codes; reload the page and retry.',
    qrOf: 'QR code of {label}',
  },
}
