export default {
  templates: {
    title: 'Templates',
    comingSoon: 'The template designer is coming soon',
    body: 'This page will list the shipped checklist templates (dorm safety check, Red Flag Party branch scoring rules, teacher-conduct negative list) and let you import, export, edit visually and publish new versions.',
    meanwhile: 'Meanwhile, you can start a check from the Fill page.',
    goFill: 'Go to Fill',
  },
}
