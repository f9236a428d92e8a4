/**
 * Reading a chosen spreadsheet (CSV in UTF-8 or GBK, or XLSX) into text cells, for the pages that
 * import tables (a rubric, a room list): the size limit and an unreadable file become one message
 * in the reader's language; nothing is stored either way. The reader loads on first use.
 */
import { useI18n } from 'vue-i18n'
import type { RubricSheet } from '@/io/rubric-file'

export type TableFileResult = { ok: true; sheet: RubricSheet } | { ok: false; message: string }

export function useTableFile(): { read: (file: File) => Promise<TableFileResult> } {
  const { t } = useI18n()
  async function read(file: File): Promise<TableFileResult> {
    const { readRubricFile, MAX_RUBRIC_FILE_BYTES } = await import('@/io/rubric-file')
    if (file.size > MAX_RUBRIC_FILE_BYTES) {
      const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`
      return { ok: false, message: t('imports.tooLarge', { name: file.name, size: mb(file.size), limit: mb(MAX_RUBRIC_FILE_BYTES) }) }
    }
    try {
      return { ok: true, sheet: await readRubricFile(file) }
    } catch {
      // exceljs rejects a corrupt or non-xlsx file.
      return { ok: false, message: t('imports.unreadable', { name: file.name }) }
    }
  }
  return { read }
}
