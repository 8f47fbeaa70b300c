import { withAuth } from "@/lib/auth/with-auth";
import { openApiDocument } from "@/lib/openapi/document";

// GET /api/openapi.json — the OpenAPI 3.1 description of this API, generated from the routes' zod schemas
export const GET = withAuth(async () => Response.json(openApiDocument()));
