// Any /api path no route answers: 404 in the one error shape (not Next's HTML page).
function notFound(): Response {
  return Response.json({ error: { code: "not_found", message: "No such API endpoint" } }, { status: 404 });
}

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
