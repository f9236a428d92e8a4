/**
 * Loading the documents a command works on, each refused with its own message and exit code:
 * shared by `score` and `cycle` so that both read, check and report files the same way.
 */
import type { Response, Template } from '@/core/format/types'
import type { Issue } from '@/core/result'
import { formatIssue, validateResponse, validateTemplate } from '@/core/validate'
import type { CliArgs } from './args'
import { documentKind, readJsonFile } from './files'
import { EXIT, type CliIo } from './io'
import { t } from './messages'

/** A loaded document, or the exit code to stop with (its messages already printed). */
export type Loaded<T> = { ok: true; value: T; warnings: Issue[] } | { ok: false; code: number }

export function printIssues(io: CliIo, issues: readonly Issue[], args: CliArgs, file: string): void {
  for (const issue of issues) io.err(formatIssue(issue, args.lang, file))
}

/** The template and version a response claims, read defensively: it has not been validated yet. */
function claimedTemplate(json: object): { id: string; version: string } {
  const r = json as { templateId?: unknown; templateVersion?: unknown }
  return { id: String(r.templateId), version: String(r.templateVersion) }
}

/** Reads a file as JSON; an unreadable file is a usage error (2), a file that is not JSON invalid (1). */
export async function loadJson(file: string, args: CliArgs, io: CliIo): Promise<Loaded<unknown>> {
  const read = await readJsonFile(file, args.lang)
  if (read.ok) return { ok: true, value: read.json, warnings: [] }
  io.err(read.message)
  return { ok: false, code: read.kind === 'unreadable' ? EXIT.usage : EXIT.invalid }
}

export async function loadTemplate(file: string, args: CliArgs, io: CliIo): Promise<Loaded<Template>> {
  const read = await loadJson(file, args, io)
  if (!read.ok) return read
  if (documentKind(read.value) !== 'template') {
    io.err(t(args.lang, 'notATemplate', { file }))
    return { ok: false, code: EXIT.invalid }
  }
  const template = validateTemplate(read.value)
  if (!template.ok) {
    printIssues(io, template.issues, args, file)
    io.err(t(args.lang, 'invalidTemplateArg', { file }))
    return { ok: false, code: EXIT.invalid }
  }
  return template
}

/** A response to exactly `template` (id and version), valid against it. */
export async function loadResponse(file: string, template: Template, args: CliArgs, io: CliIo): Promise<Loaded<Response>> {
  const { lang } = args
  const read = await loadJson(file, args, io)
  if (!read.ok) return read
  const json = read.value
  if (documentKind(json) !== 'response' || typeof json !== 'object' || json === null) {
    io.err(t(lang, 'notAResponse', { file }))
    return { ok: false, code: EXIT.invalid }
  }
  // Checked before the answers so that the message names the real problem: the wrong file.
  const claimed = claimedTemplate(json)
  if (claimed.id !== template.id || claimed.version !== String(template.version)) {
    io.err(t(lang, 'wrongTemplate', {
      file,
      responseId: claimed.id,
      responseVersion: claimed.version,
      templateId: template.id,
      templateVersion: template.version,
    }))
    return { ok: false, code: EXIT.invalid }
  }
  const response = validateResponse(template, json)
  if (!response.ok) {
    printIssues(io, response.issues, args, file)
    io.err(t(lang, 'invalidResponse', { file }))
    return { ok: false, code: EXIT.invalid }
  }
  return response
}
