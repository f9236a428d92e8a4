/**
 * `qingdan validate FILE...`: each file is a template or a response, told apart by shape. A response
 * is checked against `--template`, or against a template with its id and version given in the same
 * command; with neither, only its own format is checked (and the output says so).
 */
import type { Template } from '@/core/format/types'
import type { Issue, Result } from '@/core/result'
import { formatIssue, validateResponse, validateTemplate } from '@/core/validate'
import type { CliArgs } from './args'
import { documentKind, readJsonFile, type ReadOutcome } from './files'
import { EXIT, type CliIo } from './io'
import { t } from './messages'
import { validateResponseShape } from './response-shape'

interface Loaded {
  file: string
  read: ReadOutcome
}

const key = (id: unknown, version: unknown) => `${String(id)}@${String(version)}`

export async function runValidate(args: CliArgs, io: CliIo): Promise<number> {
  const { lang } = args
  const print = (issues: readonly Issue[], file: string) => {
    for (const issue of issues) io.out(formatIssue(issue, lang, file))
  }

  // The --template file must itself be readable and valid, or nothing can be judged against it.
  let forced: Template | undefined
  if (args.template !== undefined) {
    const read = await readJsonFile(args.template, lang)
    if (!read.ok) {
      io.err(read.message)
      return read.kind === 'unreadable' ? EXIT.usage : EXIT.invalid
    }
    const checked = documentKind(read.json) === 'template' ? validateTemplate(read.json) : null
    if (!checked?.ok) {
      if (checked) print(checked.issues, args.template)
      io.err(t(lang, checked ? 'invalidTemplateArg' : 'notATemplate', { file: args.template }))
      return EXIT.invalid
    }
    forced = checked.value
  }

  const loaded: Loaded[] = []
  for (const file of args.files) loaded.push({ file, read: await readJsonFile(file, lang) })

  // Templates first, so that a response listed before its template still finds it.
  const templateResults = new Map<string, Result<Template>>()
  const byKey = new Map<string, Template>()
  for (const { file, read } of loaded) {
    if (!read.ok || documentKind(read.json) !== 'template') continue
    const result = validateTemplate(read.json)
    templateResults.set(file, result)
    if (result.ok) byKey.set(key(result.value.id, result.value.version), result.value)
  }

  let unreadable = 0
  let invalid = 0
  for (const { file, read } of loaded) {
    if (!read.ok) {
      io.out(read.message)
      if (read.kind === 'unreadable') unreadable++
      else invalid++
      continue
    }
    const kind = documentKind(read.json)
    if (kind === null) {
      io.out(t(lang, 'unknownShape', { file }))
      invalid++
      continue
    }
    if (kind === 'template') {
      const result = templateResults.get(file) ?? validateTemplate(read.json)
      if (result.ok) {
        print(result.warnings, file)
        io.out(t(lang, 'validTemplate', { file, id: result.value.id, version: result.value.version }))
      } else {
        print(result.issues, file)
        invalid++
      }
      continue
    }
    const claimed = read.json as { templateId?: unknown; templateVersion?: unknown }
    const claimedKey = key(claimed.templateId, claimed.templateVersion)
    if (forced && claimedKey !== key(forced.id, forced.version)) {
      io.out(t(lang, 'wrongTemplate', {
        file,
        responseId: String(claimed.templateId),
        responseVersion: String(claimed.templateVersion),
        templateId: forced.id,
        templateVersion: forced.version,
      }))
      invalid++
      continue
    }
    const template = forced ?? byKey.get(claimedKey)
    const result = template ? validateResponse(template, read.json) : validateResponseShape(read.json)
    if (!result.ok) {
      print(result.issues, file)
      invalid++
      continue
    }
    print(result.warnings, file)
    const params = { file, id: String(claimed.templateId), version: String(claimed.templateVersion) }
    io.out(t(lang, template ? 'validResponse' : 'validResponseShapeOnly', params))
  }

  const count = loaded.length
  const bad = unreadable + invalid
  io.out(bad === 0 ? t(lang, 'summaryOk', { count }) : t(lang, 'summaryBad', { bad, count }))
  if (unreadable > 0) return EXIT.usage
  return invalid > 0 ? EXIT.invalid : EXIT.ok
}
