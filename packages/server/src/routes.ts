import type { Context, Hono } from "hono";
import { z } from "zod";
import { allows, HttpError, type Role, type User, validate } from "./http.js";
import { responseComponents, responseId } from "./responses.js";

/** The variables a request carries through the app. */
export type Env = { Variables: { user: User } };

/** A route: its method, path (`/api/entities/:id`), role, and the schemas of its input. */
export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  method: "get" | "post";
  path: string;
  summary: string;
  tag: string;
  /** The least role that may call it (default viewer). */
  role?: Role;
  params?: P;
  query?: Q;
  body?: B;
  /** What the 200 answer is, in words. */
  returns?: string;
  /** The schema of the 200 answer (a named one of `responses.ts`). */
  response?: z.ZodType;
}

export interface RouteInput<P, Q, B> {
  c: Context<Env>;
  params: P;
  query: Q;
  body: B;
  user: User;
}

type AnySpec = RouteSpec<z.ZodType, z.ZodType, z.ZodType>;

async function readBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") return {};
  // A body that is not declared JSON is refused: a page elsewhere can send text or a form without asking.
  if (!/^application\/json\b/i.test(c.req.header("Content-Type") ?? "")) {
    throw new HttpError(415, "Send the body as application/json");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "The request body is not JSON");
  }
}

/**
 * Registers routes on an app and keeps their specs for the OpenAPI document: each handler gets its
 * validated path parameters, query and body and the request's user, after the role check, and its
 * result is answered as JSON.
 */
export class Routes {
  readonly specs: AnySpec[] = [];

  constructor(private readonly app: Hono<Env>) {}

  add<
    P extends z.ZodType = z.ZodObject,
    Q extends z.ZodType = z.ZodObject,
    B extends z.ZodType = z.ZodObject,
  >(
    spec: RouteSpec<P, Q, B>,
    handler: (input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>) => Promise<unknown> | unknown,
  ): void {
    this.specs.push(spec as unknown as AnySpec);
    this.app[spec.method](spec.path, async (c) => {
      const user = c.get("user");
      if (spec.role && !allows(user.role, spec.role)) {
        throw new HttpError(
          403,
          `${spec.method.toUpperCase()} ${spec.path} needs the role ${spec.role}; ${user.user} is a ${user.role}`,
        );
      }
      const params = (spec.params ? validate(spec.params, c.req.param(), "params") : {}) as z.output<P>;
      const query = (spec.query ? validate(spec.query, c.req.query(), "query") : {}) as z.output<Q>;
      const body = (spec.body ? validate(spec.body, await readBody(c), "body") : {}) as z.output<B>;
      const result = await handler({ c, params, query, body, user });
      return c.json(result as object);
    });
  }
}

const ERROR_SCHEMA = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["status", "message"],
      properties: {
        status: { type: "integer" },
        message: { type: "string" },
        issues: {
          type: "array",
          items: {
            type: "object",
            required: ["path", "message"],
            properties: { path: { type: "string" }, message: { type: "string" } },
          },
        },
      },
    },
  },
};

function parameters(schema: z.ZodType | undefined, where: "path" | "query"): object[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, s]) => {
    const { description, ...rest } = s;
    return {
      name,
      in: where,
      required: where === "path" || (json.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

/** The OpenAPI 3.1 document of the routes, generated from their zod schemas. */
export function openApiDocument(specs: readonly AnySpec[], version: string): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const s of specs) {
    const path = s.path.replace(/:(\w+)/g, "{$1}");
    const responses: Record<string, object> = {
      "200": {
        description: s.returns ?? "OK",
        content: {
          "application/json": {
            schema:
              s.response && responseId(s.response)
                ? { $ref: `#/components/schemas/${responseId(s.response)}` }
                : { type: "object" },
          },
        },
      },
      "400": { $ref: "#/components/responses/Error" },
      "401": { $ref: "#/components/responses/Error" },
    };
    if (s.role && s.role !== "viewer") responses["403"] = { $ref: "#/components/responses/Error" };
    if (s.params) responses["404"] = { $ref: "#/components/responses/Error" };
    const op: Record<string, unknown> = {
      summary: s.summary,
      tags: [s.tag],
      operationId: `${s.method}${path.replace(/[{}]/g, "").replace(/[^A-Za-z0-9]+(\w)/g, (_, x: string) => x.toUpperCase())}`,
      parameters: [...parameters(s.params, "path"), ...parameters(s.query, "query")],
      responses,
    };
    if (s.role && s.role !== "viewer") op.description = `Needs the role ${s.role} or higher.`;
    if (s.body) {
      op.requestBody = {
        required: true,
        content: {
          "application/json": { schema: z.toJSONSchema(s.body, { io: "input", unrepresentable: "any" }) },
        },
      };
    }
    paths[path] ??= {};
    paths[path]![s.method] = op;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "tiegraph",
      version,
      description:
        "The evidence graph (companies, profiles, network, map, timelines, claims with their sources), " +
        "candidate ties, screening runs with their review, and name matching in yente's shape.",
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: { Error: ERROR_SCHEMA, ...responseComponents() },
      responses: {
        Error: {
          description: "An error: its status, message and, for a request that does not validate, the issues.",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        },
      },
    },
    security: [{}, { bearer: [] }],
    paths,
  };
}
