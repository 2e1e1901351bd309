/**
 * The canonical resume record. Every reader maps its source onto this shape; the screening rules see
 * nothing else. Fields a source lacks are absent, never invented.
 */
export interface EducationEntry {
  school?: string;
  degree?: string;
  major?: string;
  start?: string;
  end?: string;
  note?: string;
}

export interface WorkEntry {
  company?: string;
  title?: string;
  start?: string;
  end?: string;
  description?: string;
}

export interface ResumeRecord {
  id: string;
  name?: string;
  phone?: string;
  email?: string;
  address?: string;
  education?: EducationEntry[];
  work?: WorkEntry[];
  certificates?: string[];
  text?: string;
}

/** Where a record came from: the input file, its 1-based line and the byte offset of that line. */
export interface SourceRef {
  file: string;
  line: number;
  offset: number;
}

export const EDUCATION_FIELDS = ["school", "degree", "major", "start", "end", "note"] as const;
export const WORK_FIELDS = ["company", "title", "start", "end", "description"] as const;
export const PERSONAL_FIELDS = ["name", "phone", "email", "address"] as const;
