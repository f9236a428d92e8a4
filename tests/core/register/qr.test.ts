import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { isSubjectId, labelFromSubjectId, labelUrl, MAX_SCAN_TEXT, subjectIdFromScan, takesRoom } from '@/core/register/qr'

const app = 'https://qingdan.example.edu'
const room = 'room:3号楼/301'

const idOf = (text: string, origin = app): string | null => {
  const r = subjectIdFromScan(text, origin)
  return r.ok ? r.value : null
}

describe('room label addresses', () => {
  it('encodes the subject id as one path segment under /s/ of the app', () => {
    expect(labelUrl(room, app)).toBe('https://qingdan.example.edu/s/room%3A3%E5%8F%B7%E6%A5%BC%2F301')
    expect(labelUrl(room, `${app}/`)).toBe(labelUrl(room, app))
    expect(labelUrl(room, `${app}/qingdan/`)).toBe('https://qingdan.example.edu/qingdan/s/room%3A3%E5%8F%B7%E6%A5%BC%2F301')
  })

  it('reads back the id of any label it printed, under the app at its root or under a path', () => {
    fc.assert(
      fc.property(fc.constantFrom('room', 'branch', 'teacher'), fc.string({ minLength: 1, maxLength: 60, unit: 'grapheme' }), fc.constantFrom(app, `${app}/qingdan`, 'http://127.0.0.1:5173'), (kind, rest, origin) => {
        const id = `${kind}:${rest}`
        fc.pre(isSubjectId(id))
        expect(idOf(labelUrl(id, origin), origin)).toBe(id)
      }),
    )
  })

  it('tolerates the whitespace a reader may add around the text', () => {
    expect(idOf(`  ${labelUrl(room, app)}\n`)).toBe(room)
  })
})

describe('refusing codes that are not this app’s labels', () => {
  const ours = labelUrl(room, app)
  const hostile: Array<[string, string]> = [
    ['another site', 'https://evil.example/s/room%3A3%E5%8F%B7%E6%A5%BC%2F301'],
    ['a look-alike host', 'https://qingdan.example.edu.evil.example/s/room%3A1%2F1'],
    ['user info before our host', 'https://evil@qingdan.example.edu/s/room%3A1%2F1'],
    ['our host as user info', 'https://qingdan.example.edu@evil.example/s/room%3A1%2F1'],
    ['another port', 'https://qingdan.example.edu:8443/s/room%3A1%2F1'],
    ['plain http for an https app', 'http://qingdan.example.edu/s/room%3A1%2F1'],
    ['a javascript: address', 'javascript:alert(1)//https://qingdan.example.edu/s/room%3A1'],
    ['a javascript: address after our prefix', `${app}/s/javascript:alert(1)`],
    ['a data: address', 'data:text/html,<script>alert(1)</script>'],
    ['a query string', `${ours}?next=https://evil.example`],
    ['a fragment', `${ours}#x`],
    ['an extra path segment', `${ours}/extra`],
    ['a path that climbs out', `${app}/s/..%2F..%2Fadmin`],
    ['a dot segment', `${app}/s/../admin`],
    ['a backslash', `${app}/s\\room%3A1%2F1`],
    ['a raw slash in the id', `${app}/s/room:3/301`],
    ['an empty id', `${app}/s/`],
    ['an unknown kind', `${app}/s/${encodeURIComponent('user:admin')}`],
    ['a kind with nothing after it', `${app}/s/${encodeURIComponent('room:')}`],
    ['a control character', `${app}/s/${encodeURIComponent('room:3\u0000301')}`],
    ['broken percent escapes', `${app}/s/room%3A%E5%8F`],
    ['another route of the app', `${app}/admin`],
    ['plain text', '3号楼 301'],
    ['an empty text', ''],
  ]
  it.each(hostile)('refuses %s', (_what, text) => {
    expect(idOf(text)).toBeNull()
  })

  it('refuses long texts before reading them, and ids longer than the register makes', () => {
    const long = `${app}/s/${encodeURIComponent(`room:${'楼'.repeat(400)}`)}`
    expect(long.length).toBeGreaterThan(MAX_SCAN_TEXT)
    expect(subjectIdFromScan(long, app)).toMatchObject({ ok: false, issues: [{ code: 'scan.tooLong' }] })
    expect(idOf(`${app}/s/${encodeURIComponent(`room:${'a'.repeat(300)}`)}`)).toBeNull()
  })

  it('says which way a code was refused', () => {
    expect(subjectIdFromScan('https://evil.example/s/x', app)).toMatchObject({ ok: false, issues: [{ code: 'scan.foreign' }] })
    expect(subjectIdFromScan(`${app}/s/${encodeURIComponent('user:1')}`, app)).toMatchObject({ ok: false, issues: [{ code: 'scan.badSubject' }] })
  })

  it('refuses everything when the app address itself is not http(s)', () => {
    expect(idOf('javascript:alert(1)/s/room%3A1', 'javascript:alert(1)')).toBeNull()
    expect(subjectIdFromScan(ours, 'not an address')).toMatchObject({ ok: false, issues: [{ code: 'scan.badOrigin' }] })
  })

  it('never accepts a random text that is not exactly a label', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (junk) => {
        expect(idOf(junk)).toBeNull()
        expect(idOf(`https://evil.example/s/${junk}`)).toBeNull()
      }),
    )
  })
})

describe('a subject’s label without the register', () => {
  it('names a room as the register does, and other subjects by their id', () => {
    expect(labelFromSubjectId(room)).toBe('3号楼 301')
    expect(labelFromSubjectId('room:A/B栋/1205')).toBe('A/B栋 1205')
    expect(labelFromSubjectId('teacher:T0012')).toBe('T0012')
  })
})

describe('templates a room label opens', () => {
  it('are those whose subject has a building and a room', () => {
    const spec = (...ids: string[]) => ({ subject: { fields: ids.map((id) => ({ id, label: id })) } })
    expect(takesRoom(spec('building', 'floor', 'room'))).toBe(true)
    expect(takesRoom(spec('building', 'floor'))).toBe(false)
    expect(takesRoom(spec('teacher'))).toBe(false)
    expect(takesRoom({})).toBe(false)
  })
})
