/**
 * @module The one route list the route-wide tests run over (tenant isolation, malformed input,
 * fuzzing): every operation of the OpenAPI document the server serves, read once per test file
 * while it is collected, so each route gets its own named test and a route added later is covered
 * by all of them without editing any.
 */
import { openApiOfAFreshServer, operationsOf, type OpenApiDocument, type Operation } from './openapi.js';

export const ROUTE_DOCUMENT: OpenApiDocument = await openApiOfAFreshServer();
export const ROUTES: readonly Operation[] = operationsOf(ROUTE_DOCUMENT);
