import { describe, expect, it } from 'vitest'
import { checkImport, importedTemplate } from '@/core/templates/import'
import { NOW, template } from './builders'

describe('checkImport', () => {
  it('accepts a valid template and refuses an unknown item type', () => {
    expect(checkImport(template('imp', 3)).ok).toBe(true)
    expect(checkImport({ id: 'bad', version: 1, title: 'x', sections: [{ id: 's', title: 's', items: [{ id: 'q', type: 'nope' }] }] }).ok).toBe(false)
  })
})

describe('importedTemplate', () => {
  const cases = [
    { name: 'a new id keeps its id and version', taken: [], id: 'imp', version: 3 },
    { name: 'a taken id gets a free one as version 1', taken: ['imp'], id: 'imp-2', version: 1 },
    { name: 'the next free suffix', taken: ['imp', 'imp-2'], id: 'imp-3', version: 1 },
  ]
  it.each(cases)('$name', ({ taken, id, version }) => {
    const { row, version: frozen } = importedTemplate(template('imp', 3), new Set(taken), NOW)
    expect(row).toEqual({ id, title: 'imp v3', status: 'published', latestVersion: version, source: 'import', createdAt: NOW, updatedAt: NOW })
    expect(frozen).toMatchObject({ templateId: id, version, publishedAt: NOW })
    expect(frozen.template).toMatchObject({ id, version })
  })
})
