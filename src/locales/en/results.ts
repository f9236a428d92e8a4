export default {
  results: {
    title: 'Results',
    comingSoon: 'Results are coming soon',
    body: 'This page will filter submitted responses by template, subject, period, inspector and status, show the breakdown and flagged items, print an A4 ledger, export CSV/XLSX and track rectification tasks.',
    meanwhile: 'Submitted responses are kept on this device in the meantime; nothing is lost.',
    goFill: 'Go to Fill',
  },
}
