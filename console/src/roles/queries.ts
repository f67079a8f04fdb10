/**
 * @module The Roles page's changes: create, edit and delete custom roles, and apply a template
 * (seed 003's partner network). Each refreshes the roles everywhere they are shown (the Users page's
 * role menus included) and, for a template, the catalogue it adds to.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';

type RolesPath = paths['/api/v1/organizations/{organizationId}/roles'];
export type Role = RolesPath['get']['responses'][200]['content']['application/json']['items'][number];
export type NewRole = NonNullable<RolesPath['post']['requestBody']>['content']['application/json'];
export type RolePatch = NonNullable<paths['/api/v1/organizations/{organizationId}/roles/{roleKey}']['patch']['requestBody']>['content']['application/json'];

function useRefreshRoles(organizationId: string) {
  const client = useQueryClient();
  return () => Promise.all([
    client.invalidateQueries({ queryKey: ['roles', organizationId] }),
    client.invalidateQueries({ queryKey: ['member-access', organizationId] }),
  ]);
}

export function useCreateRole(organizationId: string) {
  const refresh = useRefreshRoles(organizationId);
  return useMutation({
    mutationFn: (body: NewRole) => unwrap(api.POST('/api/v1/organizations/{organizationId}/roles', { params: { path: { organizationId } }, body })),
    onSuccess: refresh,
  });
}

export function useUpdateRole(organizationId: string) {
  const refresh = useRefreshRoles(organizationId);
  return useMutation({
    mutationFn: ({ roleKey, patch }: { roleKey: string; patch: RolePatch }) =>
      unwrap(api.PATCH('/api/v1/organizations/{organizationId}/roles/{roleKey}', { params: { path: { organizationId, roleKey } }, body: patch })),
    onSuccess: refresh,
  });
}

export function useDeleteRole(organizationId: string) {
  const refresh = useRefreshRoles(organizationId);
  return useMutation({
    mutationFn: (roleKey: string) => unwrap(api.DELETE('/api/v1/organizations/{organizationId}/roles/{roleKey}', { params: { path: { organizationId, roleKey } } })),
    // Not awaited: the page moves to the list before the refreshed list drops what was deleted,
    // which would unmount the form whose callbacks say where to go.
    onSuccess: () => { void refresh(); },
  });
}

export function useApplyTemplate(organizationId: string) {
  const client = useQueryClient();
  const refresh = useRefreshRoles(organizationId);
  return useMutation({
    mutationFn: (template: string) => unwrap(api.POST('/api/v1/organizations/{organizationId}/templates/{template}', { params: { path: { organizationId, template } } })),
    onSuccess: () => Promise.all([refresh(), client.invalidateQueries({ queryKey: ['catalog', organizationId] })]),
  });
}
