export { AppError, notFound, forbidden, type ErrorCode } from "./app-error";
export { handleApiError, type ErrorBody } from "./handle-api-error";
export { isUniqueViolation } from "./prisma-codes";
