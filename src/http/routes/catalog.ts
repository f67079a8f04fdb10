/**
 * @module The permission catalogue: Roster's and the application's permissions, modules, resource
 * types and resources. Reading needs membership; registering needs `catalog.manage`.
 */
import { Type } from 'typebox';
import { APP_PERMISSION_PATTERN, MODULE_NAME_PATTERN, RESOURCE_TYPE_PATTERN } from '../../domain/catalog-rules.js';
import { Id, Label, Nullable, OrganizationParams, PageOf, PageQuery, problemResponses, Strict } from '../schemas/common.js';
import type { App, RouteDeps } from '../types.js';

const RoleKeys = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 50 });
const CatalogPermission = Type.Object({
  key: Type.String(),
  description: Type.String(),
  source: Type.Union([Type.Literal('roster'), Type.Literal('application'), Type.Literal('module')]),
  module: Nullable(Type.String()),
  allowedRoles: Nullable(Type.Array(Type.String())),
});
const Module = Type.Object({ name: Type.String(), description: Type.String(), permissions: Type.Array(Type.String()) });
const ResourceType = Type.Object({ key: Type.String(), name: Type.String() });
const Resource = Type.Object({ type: Type.String(), id: Type.String(), name: Type.String() });
const Template = Type.Object({
  name: Type.String(),
  roles: Type.Array(Type.Object({ key: Type.String(), name: Type.String(), description: Type.String(), resourceScopes: Type.Record(Type.String(), Type.String()) })),
  permissions: Type.Array(Type.Object({ key: Type.String(), description: Type.String(), allowedRoles: Type.Array(Type.String()) })),
  applied: Type.Boolean({ description: 'Every resource type, role and permission it creates exists already' }),
});

const PermissionParams = Type.Object({ organizationId: Id, permissionKey: Type.String({ minLength: 1, maxLength: 200 }) }, Strict);
const ModuleParams = Type.Object({ organizationId: Id, moduleName: Type.String({ minLength: 1, maxLength: 100 }) }, Strict);
const TypeParams = Type.Object({ organizationId: Id, resourceType: Type.String({ minLength: 1, maxLength: 64 }) }, Strict);
const ResourceParams = Type.Object({ organizationId: Id, resourceType: Type.String({ minLength: 1, maxLength: 64 }), resourceId: Type.String({ minLength: 1, maxLength: 200 }) }, Strict);

export function catalogRoutes(app: App, { services, auth }: RouteDeps): void {
  const org = '/api/v1/organizations/:organizationId';

  app.get(`${org}/permissions`, {
    schema: { tags: ['catalog'], summary: 'The permission catalogue: Roster\'s, the application\'s and the modules\'', params: OrganizationParams, response: { 200: Type.Object({ items: Type.Array(CatalogPermission) }), ...problemResponses } },
  }, async (request) => ({ items: await services.catalog.permissions(await auth.access(request, request.params.organizationId)) }));

  app.post(`${org}/permissions`, {
    schema: {
      tags: ['catalog'], summary: 'Register an application permission, optionally limited to some roles (catalog.manage)', params: OrganizationParams,
      body: Type.Object({ key: Type.String({ pattern: APP_PERMISSION_PATTERN, maxLength: 200 }), description: Type.Optional(Type.String({ maxLength: 500 })), allowedRoles: Type.Optional(Nullable(RoleKeys)) }, Strict),
      response: { 201: CatalogPermission, ...problemResponses },
    },
  }, async (request, reply) => reply.status(201).send(await services.catalog.registerPermission(await auth.access(request, request.params.organizationId), request.body)));

  app.patch(`${org}/permissions/:permissionKey`, {
    schema: {
      tags: ['catalog'], summary: 'Change an application permission\'s description or allowed roles (catalog.manage)', params: PermissionParams,
      body: Type.Object({ description: Type.Optional(Type.String({ maxLength: 500 })), allowedRoles: Type.Optional(Nullable(RoleKeys)) }, Strict),
      response: { 200: CatalogPermission, ...problemResponses },
    },
  }, async (request) => services.catalog.updatePermission(await auth.access(request, request.params.organizationId), request.params.permissionKey, request.body));

  app.delete(`${org}/permissions/:permissionKey`, {
    schema: { tags: ['catalog'], summary: 'Remove an application permission from the catalogue and from every role, group and member (catalog.manage)', params: PermissionParams, response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await services.catalog.removePermission(await auth.access(request, request.params.organizationId), request.params.permissionKey);
    return reply.status(204).send(null);
  });

  app.get(`${org}/modules`, {
    schema: { tags: ['catalog'], summary: 'Modules (the application\'s data sets) and their permissions', params: OrganizationParams, response: { 200: Type.Object({ items: Type.Array(Module) }), ...problemResponses } },
  }, async (request) => ({ items: await services.catalog.modules(await auth.access(request, request.params.organizationId)) }));

  app.post(`${org}/modules`, {
    schema: {
      tags: ['catalog'], summary: 'Register a module; its actions become module:<name>.read/create/update/delete (catalog.manage)', params: OrganizationParams,
      body: Type.Object({ name: Type.String({ pattern: MODULE_NAME_PATTERN, maxLength: 100 }), description: Type.Optional(Type.String({ maxLength: 500 })) }, Strict),
      response: { 201: Module, ...problemResponses },
    },
  }, async (request, reply) => reply.status(201).send(await services.catalog.registerModule(await auth.access(request, request.params.organizationId), request.body)));

  app.delete(`${org}/modules/:moduleName`, {
    schema: { tags: ['catalog'], summary: 'Remove a module and its permissions everywhere (catalog.manage)', params: ModuleParams, response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await services.catalog.removeModule(await auth.access(request, request.params.organizationId), request.params.moduleName);
    return reply.status(204).send(null);
  });

  app.get(`${org}/resource-types`, {
    schema: { tags: ['catalog'], summary: 'Resource types, such as partner', params: OrganizationParams, response: { 200: Type.Object({ items: Type.Array(ResourceType) }), ...problemResponses } },
  }, async (request) => ({ items: await services.catalog.resourceTypes(await auth.access(request, request.params.organizationId)) }));

  app.post(`${org}/resource-types`, {
    schema: {
      tags: ['catalog'], summary: 'Register a resource type (catalog.manage)', params: OrganizationParams,
      body: Type.Object({ key: Type.String({ pattern: RESOURCE_TYPE_PATTERN, maxLength: 64 }), name: Label(100) }, Strict),
      response: { 201: ResourceType, ...problemResponses },
    },
  }, async (request, reply) => reply.status(201).send(await services.catalog.registerResourceType(await auth.access(request, request.params.organizationId), request.body)));

  app.delete(`${org}/resource-types/:resourceType`, {
    schema: { tags: ['catalog'], summary: 'Remove a resource type with its resources and grants (catalog.manage)', params: TypeParams, response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await services.catalog.removeResourceType(await auth.access(request, request.params.organizationId), request.params.resourceType);
    return reply.status(204).send(null);
  });

  app.get(`${org}/resource-types/:resourceType/resources`, {
    schema: { tags: ['catalog'], summary: 'Resources of a type, e.g. the partners to select from (seed 003)', params: TypeParams, querystring: Type.Object(PageQuery, Strict), response: { 200: PageOf(Resource), ...problemResponses } },
  }, async (request) => services.catalog.resources(await auth.access(request, request.params.organizationId), request.params.resourceType, request.query.limit ?? 50, request.query.cursor));

  app.put(`${org}/resource-types/:resourceType/resources`, {
    schema: {
      tags: ['catalog'], summary: 'Register or rename resources of a type (catalog.manage)', params: TypeParams,
      body: Type.Object({ items: Type.Array(Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }), name: Label(200) }, Strict), { minItems: 1, maxItems: 1000 }) }, Strict),
      response: { 200: Type.Object({ items: Type.Array(Resource) }), ...problemResponses },
    },
  }, async (request) => services.catalog.upsertResources(await auth.access(request, request.params.organizationId), request.params.resourceType, request.body.items));

  app.get(`${org}/templates`, {
    schema: {
      tags: ['catalog'], summary: 'The ready-made access setups, and whether each is applied here already', params: OrganizationParams,
      response: { 200: Type.Object({ items: Type.Array(Template) }), ...problemResponses },
    },
  }, async (request) => ({ items: await services.catalog.templates(await auth.access(request, request.params.organizationId)) }));

  app.post(`${org}/templates/:template`, {
    schema: {
      tags: ['catalog'], summary: 'Apply a ready-made access setup: partner-network is seed 003\'s Partner / Normal / Admin (catalog.manage and roles.manage)',
      params: Type.Object({ organizationId: Id, template: Type.String({ minLength: 1, maxLength: 64 }) }, Strict),
      response: { 200: Type.Object({ template: Type.String(), created: Type.Array(Type.String()) }), ...problemResponses },
    },
  }, async (request) => services.catalog.applyTemplate(await auth.access(request, request.params.organizationId), request.params.template));

  app.delete(`${org}/resource-types/:resourceType/resources/:resourceId`, {
    schema: { tags: ['catalog'], summary: 'Remove a resource and every grant of it (catalog.manage)', params: ResourceParams, response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await services.catalog.removeResource(await auth.access(request, request.params.organizationId), request.params.resourceType, request.params.resourceId);
    return reply.status(204).send(null);
  });
}
