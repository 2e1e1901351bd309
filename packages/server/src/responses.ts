import type { Judgement } from "@tiegraph/model";
import type {
  Claim,
  CompanySummary,
  EntityView,
  Evidence,
  Item,
  Link,
  Network,
  Profile,
  ProjectCollection,
  SourceView,
  TimelineItem,
} from "@tiegraph/service";
import { z } from "zod";
import type { AuditList, HitDetail, HitRow, RunSummary } from "./runs.js";

/**
 * The schemas of the API's answers, for the OpenAPI document (and for tests that check answers against
 * them). The TypeScript types the server exports are the ones its code produces; a compile-time check
 * below keeps every schema in step with its type.
 */

/** The named answer schemas, as OpenAPI components. */
export const responses = z.registry<{ id: string; description?: string }>();

const named = <S extends z.ZodType>(id: string, schema: S, description?: string): S => {
  responses.add(schema, { id, ...(description ? { description } : {}) });
  return schema;
};

const str = z.string();
const props = z.record(z.string(), z.array(z.string()));

export const EntityViewSchema = named(
  "EntityView",
  z.strictObject({ id: str, schema: str, caption: str, properties: props, datasets: z.array(str) }),
);

export const SourceViewSchema = named(
  "SourceView",
  z.discriminatedUnion("kind", [
    z.strictObject({
      kind: z.literal("document"),
      document: str,
      start: z.number().int(),
      end: z.number().int(),
      title: str.optional(),
      url: str.optional(),
      publisher: str.optional(),
      published: str.optional(),
    }),
    z.strictObject({
      kind: z.literal("url"),
      url: str,
      title: str.optional(),
      publisher: str.optional(),
      date: str.optional(),
    }),
  ]),
  "A span of a stored document (UTF-16 offsets, end exclusive) or a published page.",
);

const Stance = z.enum(["reported", "alleged", "confirmed", "denied"]);

export const ClaimSchema = named(
  "Claim",
  z.strictObject({
    id: str,
    entity: str,
    prop: str,
    value: str,
    stance: Stance,
    source: SourceViewSchema,
    answers: str.optional(),
    get denials() {
      return z.array(ClaimSchema);
    },
    asserted_by: z.strictObject({ kind: z.enum(["analyst", "importer", "extractor"]), name: str }),
    ref: z.strictObject({ id: str, caption: str, schema: str }).optional(),
  }),
  "A statement with its source; the denials that answer it sit in `denials`.",
);

export const LinkSchema = named(
  "Link",
  z.strictObject({
    entity: EntityViewSchema,
    via: EntityViewSchema.optional(),
    label: str,
    direction: z.enum(["in", "out"]),
    claims: z.array(ClaimSchema),
  }),
);

export const ItemSchema = named(
  "Item",
  z.strictObject({ entity: EntityViewSchema, date: str.optional(), claims: z.array(ClaimSchema) }),
);

export const TimelineItemSchema = named(
  "TimelineItem",
  z.strictObject({
    date: str,
    entity: EntityViewSchema,
    title: str,
    kind: z.enum(["project", "event", "designation", "ownership", "position", "claim", "denial"]),
    claims: z.array(ClaimSchema),
  }),
);

export const ProfileSchema = named(
  "Profile",
  z.strictObject({
    entity: EntityViewSchema,
    overview: z.array(ClaimSchema),
    ownership: z.array(LinkSchema),
    ties: z.array(LinkSchema),
    designations: z.array(ItemSchema),
    projects: z.array(ItemSchema),
    timeline: z.array(TimelineItemSchema),
    people: z.array(LinkSchema),
    people_omitted: z.number().optional(),
    allegations: z.array(ItemSchema),
  }),
);

export const CompanyListSchema = named(
  "CompanyList",
  z.strictObject({
    companies: z.array(
      z.strictObject({
        id: str,
        caption: str,
        names: z.array(str),
        country: z.array(str),
        designations: z.array(
          z.strictObject({ label: str, date: str.optional(), authority: str.optional() }),
        ),
        projects: z.number().int(),
        ties: z.number().int(),
      }),
    ),
  }),
);

export const EntityDetailSchema = named(
  "EntityDetail",
  z.strictObject({ entity: EntityViewSchema, claims: z.array(ClaimSchema) }),
);

export const NeighboursSchema = named(
  "Neighbours",
  z.strictObject({
    neighbours: z.array(LinkSchema),
    omitted: z.strictObject({ person: z.number() }).optional(),
  }),
);

export const NetworkSchema = named(
  "Network",
  z.strictObject({
    nodes: z.array(
      z.strictObject({
        id: str,
        caption: str,
        schema: str,
        group: z.enum(["company", "state", "project", "person", "other"]),
      }),
    ),
    edges: z.array(z.strictObject({ id: str, source: str, target: str, label: str, via: str.optional() })),
    omitted: z.strictObject({ person: z.number() }).optional(),
  }),
);

const nullable = (s: z.ZodType) => s.nullable();

export const ProjectCollectionSchema = named(
  "ProjectCollection",
  z.strictObject({
    type: z.literal("FeatureCollection"),
    features: z.array(
      z.strictObject({
        type: z.literal("Feature"),
        id: str,
        geometry: z.strictObject({
          type: z.literal("Point"),
          coordinates: z.tuple([z.number(), z.number()]),
        }),
        properties: z.strictObject({
          id: str,
          name: str,
          company: nullable(str),
          company_name: nullable(str),
          category: nullable(str),
          country: nullable(str),
          city: nullable(str),
          year: nullable(z.number().int()),
          sources: z.array(SourceViewSchema),
        }),
      }),
    ),
  }),
  "GeoJSON: one Point per project place, [longitude, latitude].",
);

export const TimelineSchema = named("Timeline", z.strictObject({ items: z.array(TimelineItemSchema) }));

export const EvidenceSchema = named(
  "Evidence",
  z.strictObject({
    claim: ClaimSchema,
    document: z
      .strictObject({
        id: str,
        title: str.optional(),
        url: str.optional(),
        publisher: str.optional(),
        published: str.optional(),
        text: str,
      })
      .optional(),
  }),
);

export const MeSchema = named(
  "Me",
  z.strictObject({ user: str, role: z.enum(["viewer", "analyst", "admin"]) }),
);

export const JudgementSchema = named(
  "Judgement",
  z.strictObject({
    id: str,
    kind: str,
    subject: str,
    judgement: z.enum(["positive", "negative", "unsure"]),
    by: str,
    at: str,
    why: str.optional(),
  }),
);

export const VerdictSchema = named(
  "Verdict",
  z.strictObject({ judgement: JudgementSchema, statements: z.number().int().optional() }),
);

const FunnelSchema = z.strictObject({
  read: z.number(),
  subset: z.number().optional(),
  screened: z.number(),
  rejected: z.number(),
  employees: z.number(),
  current: z.number(),
  former: z.number(),
  with_ties: z.number(),
  national_security: z.number(),
  others_with_ties: z.number(),
  others_national_security: z.number(),
  by_category: z.record(z.string(), z.number()),
});

export const RunSummarySchema = named(
  "RunSummary",
  z.strictObject({
    id: str,
    title: str,
    target: str,
    started_at: str,
    finished_at: str,
    hits: z.number().int(),
    funnel: FunnelSchema,
  }),
);

export const RunListSchema = named("RunList", z.strictObject({ runs: z.array(RunSummarySchema) }));

export const RunDetailSchema = named(
  "RunDetail",
  z.strictObject({ run: RunSummarySchema, funnel: z.record(z.string(), z.unknown()) }),
);

export const HitRowSchema = named(
  "HitRow",
  z.strictObject({
    id: str,
    pseudonym: str,
    status: str.nullable(),
    employer: str.nullable(),
    categories: z.array(str),
    national_security: z.boolean(),
    score: z.number(),
    reasons: z.array(str),
    review: JudgementSchema.optional(),
  }),
  "A hit of a screening run, redacted.",
);

export const HitListSchema = named(
  "HitList",
  z.strictObject({ total: z.number().int(), hits: z.array(HitRowSchema) }),
);

export const HitDetailSchema = named(
  "HitDetail",
  z.strictObject({
    hit: HitRowSchema,
    work: z.array(
      z.strictObject({
        start: str.optional(),
        end: str.optional(),
        org: str,
        title: str.optional(),
        flags: z.array(str),
      }),
    ),
    evidence: z.array(
      z.strictObject({
        flag: str,
        field: str,
        text: str,
        start: z.number().int(),
        end: z.number().int(),
        entry: str,
        quote: str.optional(),
      }),
    ),
    reviews: z.array(JudgementSchema),
    record_available: z.boolean(),
  }),
);

export const ReviewResponseSchema = named("ReviewResponse", z.strictObject({ judgement: JudgementSchema }));

export const AuditListSchema = named(
  "AuditList",
  z.strictObject({
    entries: z.array(z.strictObject({ at: str, user: str, action: str, subject: str, note: str.optional() })),
  }),
);

/** The OpenAPI components of the named answer schemas. */
export function responseComponents(): Record<string, object> {
  const { schemas } = z.toJSONSchema(responses, {
    io: "output",
    unrepresentable: "any",
    uri: (id) => `#/components/schemas/${id}`,
  });
  const out: Record<string, object> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _, $id: __, ...rest } = schema as Record<string, unknown>;
    out[id] = rest;
  }
  return out;
}

// Every type the server answers with fits its schema (checked by the compiler).
type Fits<S extends z.ZodType, T extends z.output<S>> = T;
export type SchemaChecks = [
  Fits<typeof EntityViewSchema, EntityView>,
  Fits<typeof SourceViewSchema, SourceView>,
  Fits<typeof ClaimSchema, Claim>,
  Fits<typeof LinkSchema, Link>,
  Fits<typeof ItemSchema, Item>,
  Fits<typeof TimelineItemSchema, TimelineItem>,
  Fits<typeof ProfileSchema, Profile>,
  Fits<typeof CompanyListSchema, { companies: CompanySummary[] }>,
  Fits<typeof NetworkSchema, Network>,
  Fits<typeof ProjectCollectionSchema, ProjectCollection>,
  Fits<typeof EvidenceSchema, Evidence>,
  Fits<typeof JudgementSchema, Judgement>,
  Fits<typeof RunSummarySchema, RunSummary>,
  Fits<typeof HitRowSchema, HitRow>,
  Fits<typeof HitDetailSchema, HitDetail>,
  Fits<typeof AuditListSchema, AuditList>,
];

/** The id under which an answer schema is a component. */
export function responseId(schema: z.ZodType): string | undefined {
  return responses.get(schema)?.id;
}
