import { z } from "zod";

/**
 * The request schemas of the API: the server validates with them and the OpenAPI document is generated
 * from them.
 */

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const bool = z.enum(["true", "false"]).transform((v) => v === "true");

export const IdParam = z.object({ id: z.string().min(1).max(500) });

export const NetworkQuery = z.object({
  focus: z.string().min(1).optional().describe("entity id to start from"),
  depth: z.coerce.number().int().min(1).max(2).optional().describe("steps from the focus (1 or 2)"),
  schema: z
    .string()
    .optional()
    .describe("comma-separated schemata of the nodes to keep (Company,PublicBody,Project,Person …)"),
});

export const ProjectsQuery = z.object({
  company: z.string().min(1).optional().describe("contractor's entity id"),
  category: z.string().min(1).optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, "a two-letter country code")
    .optional(),
  year: int(1900, 2100).optional().describe("year the project started"),
});

export const TimelineQuery = z.object({
  company: z.string().min(1).optional().describe("entity id"),
  region: z
    .string()
    .min(1)
    .max(50)
    .optional()
    .describe("a keyword of the data set (xinjiang, russia, overseas) or a country code"),
});

export const StatementQuery = z.object({
  entity: z
    .string()
    .min(1)
    .max(500)
    .optional()
    .describe("the claim's entity: needed for a statement outside the graph (a list entry's)"),
});

export const PageQuery = z.object({
  offset: int(0, 10_000_000).optional(),
  limit: int(1, 1000).optional(),
});

export const SearchQuery = z.object({
  q: z.string().trim().min(1, "a search needs words").max(200),
  limit: int(1, 100).optional(),
});

export const CandidatesQuery = z.object({
  status: z.enum(["open", "accepted", "rejected", "unsure", "all"]).optional(),
});

export const NoteBody = z.object({ note: z.string().max(2000).optional() }).strict();

export const HitsQuery = z.object({
  national_security: bool.optional(),
  status: z.enum(["current", "former", "none"]).optional(),
  category: z.string().min(1).max(50).optional(),
  review: z.enum(["open", "positive", "negative", "unsure"]).optional(),
  offset: int(0, 10_000_000).optional(),
  limit: int(1, 1000).optional(),
});

export const RunParam = z.object({ run: z.string().min(1).max(200) });
export const HitParam = z.object({ run: z.string().min(1).max(200), hit: z.string().min(1).max(500) });

export const ReviewBody = z
  .object({
    decision: z.enum(["positive", "negative", "unsure"]),
    note: z.string().max(2000).optional(),
  })
  .strict();

export const RevealBody = z.object({ reason: z.string().trim().min(3, "say why").max(2000) }).strict();

export const AuditQuery = z.object({
  subject: z.string().min(1).optional(),
  action: z.string().min(1).optional(),
  limit: int(1, 10_000).optional(),
});

const values = z.union([z.array(z.string()), z.string()]);

export const MatchParam = z.object({ dataset: z.string().min(1).max(200) });

export const MatchQueryParams = z.object({
  threshold: z.coerce.number().min(0).max(1).optional(),
  limit: int(1, 500).optional(),
});

export const MatchBody = z.object({
  queries: z
    .record(
      z.string(),
      z.object({
        schema: z.string().optional(),
        properties: z.record(z.string(), values),
      }),
    )
    .refine((q) => Object.keys(q).length <= 1000, "at most 1,000 queries"),
});
