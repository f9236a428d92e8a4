/**
 * Finds where a JSON text first goes wrong. Node 20's JSON.parse often says only "Unexpected token"
 * with a snippet and no position, so the CLI scans the text itself to print `file:line:column`.
 * Called only after JSON.parse has failed, so speed does not matter; depth is capped so that a
 * hostile file of nested brackets cannot overflow the stack.
 */

const MAX_DEPTH = 512
const WS = new Set([' ', '\t', '\n', '\r'])

class Stop {
  constructor(readonly offset: number | null) {}
}

/** The offset of the first syntax error, or null when none is found (or nesting is too deep). */
export function jsonErrorOffset(text: string): number | null {
  let i = 0
  const skip = () => {
    while (i < text.length && WS.has(text[i] ?? '')) i++
  }
  const expect = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) throw new Stop(i)
      i++
    }
  }
  const string = () => {
    i++ // opening quote
    while (i < text.length) {
      const ch = text[i] ?? ''
      if (ch === '"') {
        i++
        return
      }
      if (ch === '\\') {
        const next = text[i + 1] ?? ''
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new Stop(i)
          i += 6
        } else if ('"\\/bfnrt'.includes(next) && next !== '') i += 2
        else throw new Stop(i)
      } else if (ch < ' ') throw new Stop(i)
      else i++
    }
    throw new Stop(i)
  }
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i))
    if (!m || m[0] === '' || m[0] === '-') throw new Stop(i)
    i += m[0].length
  }
  const value = (depth: number): void => {
    if (depth > MAX_DEPTH) throw new Stop(null)
    skip()
    const ch = text[i]
    if (ch === '{') {
      i++
      skip()
      if (text[i] === '}') {
        i++
        return
      }
      for (;;) {
        skip()
        if (text[i] !== '"') throw new Stop(i)
        string()
        skip()
        expect(':')
        value(depth + 1)
        skip()
        if (text[i] === ',') i++
        else if (text[i] === '}') {
          i++
          return
        } else throw new Stop(i)
      }
    }
    if (ch === '[') {
      i++
      skip()
      if (text[i] === ']') {
        i++
        return
      }
      for (;;) {
        value(depth + 1)
        skip()
        if (text[i] === ',') i++
        else if (text[i] === ']') {
          i++
          return
        } else throw new Stop(i)
      }
    }
    if (ch === '"') return string()
    if (ch === 't') return expect('true')
    if (ch === 'f') return expect('false')
    if (ch === 'n') return expect('null')
    return number()
  }
  try {
    value(0)
    skip()
    return i < text.length ? i : null
  } catch (e) {
    if (e instanceof Stop) return e.offset
    throw e
  }
}
