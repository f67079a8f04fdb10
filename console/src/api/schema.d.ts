/**
 * @module Types of Roster's API, generated from its OpenAPI document by openapi-typescript.
 * Do not edit: run `npm run console:types` after changing a route's schema.
 */

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is alive */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            database?: string;
                            migrations?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database is reachable and migrated */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            database?: string;
                            migrations?: string;
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            database?: string;
                            migrations?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a user and an organization; the caller becomes its owner and is signed in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        /** @description Not blank */
                        firstName: string;
                        /** @description Not blank */
                        lastName: string;
                        displayName?: string | null;
                        alias?: string | null;
                        title?: string | null;
                        phone?: string | null;
                        phoneExtension?: string | null;
                        address?: string | null;
                        color?: string | null;
                        clickToDial?: string | null;
                        senderEmails?: string[];
                        signature?: string | null;
                        /** @description Letters, digits, dot, underscore, hyphen; can not be changed once saved */
                        username: string;
                        password: string;
                        /** @description Not blank */
                        organizationName: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                /** @description Opaque identifier */
                                id: string;
                                username: string;
                                email: string;
                                firstName: string;
                                lastName: string;
                                /** @description How the user appears in history and logs */
                                displayName: string;
                                alias: string | null;
                                /** @description The alias, or the real name when no alias is set */
                                communicationName: string;
                                title: string | null;
                                phone: string | null;
                                phoneExtension: string | null;
                                address: string | null;
                                color: string | null;
                                clickToDial: string | null;
                                clickToDialUrl: string | null;
                                senderEmails: string[];
                                signature: string | null;
                                avatarUrl: string;
                                lastLoginAt: string | null;
                                superAdmin: boolean;
                                acceptedTermsVersion: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            };
                            organization: {
                                /** @description Opaque identifier */
                                id: string;
                                name: string;
                            };
                            requiredActions: string[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with username or email and password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        login: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                /** @description Opaque identifier */
                                id: string;
                                username: string;
                                email: string;
                                firstName: string;
                                lastName: string;
                                /** @description How the user appears in history and logs */
                                displayName: string;
                                alias: string | null;
                                /** @description The alias, or the real name when no alias is set */
                                communicationName: string;
                                title: string | null;
                                phone: string | null;
                                phoneExtension: string | null;
                                address: string | null;
                                color: string | null;
                                clickToDial: string | null;
                                clickToDialUrl: string | null;
                                senderEmails: string[];
                                signature: string | null;
                                avatarUrl: string;
                                lastLoginAt: string | null;
                                superAdmin: boolean;
                                acceptedTermsVersion: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            };
                            requiredActions: string[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Sign out: the session ends on the server */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/organization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Switch the organization this session works in */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Opaque identifier */
                        organizationId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opaque identifier */
                            currentOrganizationId: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your sessions, most recently used first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Opaque identifier */
                                id: string;
                                userAgent: string | null;
                                ipAddress: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                lastSeenAt: string;
                                /** Format: date-time */
                                expiresAt: string;
                                /** @description The session making this request */
                                current: boolean;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Sign out everywhere else: every session of yours but this one ends */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description How many sessions ended */
                            ended: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of your sessions (this one too: that signs you out) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    sessionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/members/{userId}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Sign a member out everywhere (members.deactivate; not a member holding permissions you lack) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    /** @description Opaque identifier */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description How many sessions ended */
                            ended: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/terms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The instance's current terms, which every user accepts (no session needed) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opaque identifier */
                            id: string;
                            organizationId: string | null;
                            version: string;
                            text: string;
                            /** Format: date-time */
                            publishedAt: string;
                            publishedBy: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Publish a version of the instance's terms (super admins only); users accept it at their next sign-in */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Not blank */
                        version: string;
                        /** @description The terms as people read them; stored exactly as sent */
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opaque identifier */
                            id: string;
                            organizationId: string | null;
                            version: string;
                            text: string;
                            /** Format: date-time */
                            publishedAt: string;
                            publishedBy: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/terms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's current terms */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opaque identifier */
                            id: string;
                            organizationId: string | null;
                            version: string;
                            text: string;
                            /** Format: date-time */
                            publishedAt: string;
                            publishedBy: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Publish a version of the organization's terms (settings.manage); members accept it at their next sign-in */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Not blank */
                        version: string;
                        /** @description The terms as people read them; stored exactly as sent */
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opaque identifier */
                            id: string;
                            organizationId: string | null;
                            version: string;
                            text: string;
                            /** Format: date-time */
                            publishedAt: string;
                            publishedBy: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/terms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every current terms document you must accept (the instance's and your organizations'), each marked accepted or not */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Opaque identifier */
                                id: string;
                                organizationId: string | null;
                                organizationName: string | null;
                                version: string;
                                text: string;
                                /** Format: date-time */
                                publishedAt: string;
                                accepted: boolean;
                                acceptedAt: string | null;
                            }[];
                            /** @description What this session still has to do */
                            requiredActions: string[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/terms/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept the current version of a terms document */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description The document: its termsId, or its version and organizationId (null: the instance's terms) */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Opaque identifier */
                        termsId?: string;
                        /** @description Not blank */
                        version?: string;
                        organizationId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Opaque identifier */
                                id: string;
                                organizationId: string | null;
                                organizationName: string | null;
                                version: string;
                                text: string;
                                /** Format: date-time */
                                publishedAt: string;
                                accepted: boolean;
                                acceptedAt: string | null;
                            }[];
                            /** @description What this session still has to do */
                            requiredActions: string[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/terms/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline the terms: you are signed out */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your profile, with the actions to complete before anything else */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opaque identifier */
                            id: string;
                            username: string;
                            email: string;
                            firstName: string;
                            lastName: string;
                            /** @description How the user appears in history and logs */
                            displayName: string;
                            alias: string | null;
                            /** @description The alias, or the real name when no alias is set */
                            communicationName: string;
                            title: string | null;
                            phone: string | null;
                            phoneExtension: string | null;
                            address: string | null;
                            color: string | null;
                            clickToDial: string | null;
                            clickToDialUrl: string | null;
                            senderEmails: string[];
                            signature: string | null;
                            avatarUrl: string;
                            lastLoginAt: string | null;
                            superAdmin: boolean;
                            acceptedTermsVersion: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            currentOrganizationId: string | null;
                            requiredActions: string[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit your profile; the username can not be changed */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email?: string;
                        /** @description Not blank */
                        firstName?: string;
                        /** @description Not blank */
                        lastName?: string;
                        displayName?: string | null;
                        alias?: string | null;
                        title?: string | null;
                        phone?: string | null;
                        phoneExtension?: string | null;
                        address?: string | null;
                        color?: string | null;
                        clickToDial?: string | null;
                        senderEmails?: string[];
                        signature?: string | null;
                        username?: string;
                        /** @description Needed to change the email, where password reset links go (ASVS 7.5.1) */
                        currentPassword?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opaque identifier */
                            id: string;
                            username: string;
                            email: string;
                            firstName: string;
                            lastName: string;
                            /** @description How the user appears in history and logs */
                            displayName: string;
                            alias: string | null;
                            /** @description The alias, or the real name when no alias is set */
                            communicationName: string;
                            title: string | null;
                            phone: string | null;
                            phoneExtension: string | null;
                            address: string | null;
                            color: string | null;
                            clickToDial: string | null;
                            clickToDialUrl: string | null;
                            senderEmails: string[];
                            signature: string | null;
                            avatarUrl: string;
                            lastLoginAt: string | null;
                            superAdmin: boolean;
                            acceptedTermsVersion: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change your password; your other sessions end */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            requiredActions: string[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organizations you belong to ("My Organizations") */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                organization: {
                                    /** @description Opaque identifier */
                                    id: string;
                                    name: string;
                                };
                                role: string;
                                status: string;
                                current: boolean;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/password-resets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email a password reset link to an account (username or email); the answer is the same for an unknown login */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        login: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/password-resets/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether a reset link can still be used, and until when; looking uses nothing up (the link is the credential) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Set a new password with a reset link; the link is used up and every session of the user ends */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every organization of the instance (super admins only) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Opaque identifier */
                                id: string;
                                name: string;
                                settings: {
                                    /** @description Members can be deleted (seed 003), not only deactivated (seed 000) */
                                    allowMemberDeletion: boolean;
                                    invitationLifetimeDays: number;
                                    sessionIdleMinutes: number | null;
                                    sessionAbsoluteHours: number | null;
                                    /** @description Password complexity (seed 004); a user in several organizations meets all of their policies */
                                    passwordPolicy: {
                                        /** @description Characters at least (default 12); a password of 64 or more always meets length and character classes */
                                        minLength: number;
                                        /** @description At least one lowercase letter */
                                        requireLower: boolean;
                                        /** @description At least one uppercase letter */
                                        requireUpper: boolean;
                                        /** @description At least one digit */
                                        requireDigit: boolean;
                                        /** @description At least one character that is neither a letter nor a digit (a space counts) */
                                        requireSymbol: boolean;
                                        /** @description Refuse common passwords (default true) */
                                        disallowCommon: boolean;
                                        /** @description A new password may not be one of the last N, the current one included (default 0: off) */
                                        historyCount: number;
                                        maxAgeDays: number | null;
                                    };
                                };
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create another organization; you become its owner */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Not blank */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opaque identifier */
                            id: string;
                            name: string;
                            settings: {
                                /** @description Members can be deleted (seed 003), not only deactivated (seed 000) */
                                allowMemberDeletion: boolean;
                                invitationLifetimeDays: number;
                                sessionIdleMinutes: number | null;
                                sessionAbsoluteHours: number | null;
                                /** @description Password complexity (seed 004); a user in several organizations meets all of their policies */
                                passwordPolicy: {
                                    /** @description Characters at least (default 12); a password of 64 or more always meets length and character classes */
                                    minLength: number;
                                    /** @description At least one lowercase letter */
                                    requireLower: boolean;
                                    /** @description At least one uppercase letter */
                                    requireUpper: boolean;
                                    /** @description At least one digit */
                                    requireDigit: boolean;
                                    /** @description At least one character that is neither a letter nor a digit (a space counts) */
                                    requireSymbol: boolean;
                                    /** @description Refuse common passwords (default true) */
                                    disallowCommon: boolean;
                                    /** @description A new password may not be one of the last N, the current one included (default 0: off) */
                                    historyCount: number;
                                    maxAgeDays: number | null;
                                };
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An organization and its settings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opaque identifier */
                            id: string;
                            name: string;
                            settings: {
                                /** @description Members can be deleted (seed 003), not only deactivated (seed 000) */
                                allowMemberDeletion: boolean;
                                invitationLifetimeDays: number;
                                sessionIdleMinutes: number | null;
                                sessionAbsoluteHours: number | null;
                                /** @description Password complexity (seed 004); a user in several organizations meets all of their policies */
                                passwordPolicy: {
                                    /** @description Characters at least (default 12); a password of 64 or more always meets length and character classes */
                                    minLength: number;
                                    /** @description At least one lowercase letter */
                                    requireLower: boolean;
                                    /** @description At least one uppercase letter */
                                    requireUpper: boolean;
                                    /** @description At least one digit */
                                    requireDigit: boolean;
                                    /** @description At least one character that is neither a letter nor a digit (a space counts) */
                                    requireSymbol: boolean;
                                    /** @description Refuse common passwords (default true) */
                                    disallowCommon: boolean;
                                    /** @description A new password may not be one of the last N, the current one included (default 0: off) */
                                    historyCount: number;
                                    maxAgeDays: number | null;
                                };
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename an organization or change its settings (settings.manage) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Not blank */
                        name?: string;
                        settings?: {
                            /** @description Members can be deleted (seed 003), not only deactivated (seed 000) */
                            allowMemberDeletion?: boolean;
                            invitationLifetimeDays?: number;
                            sessionIdleMinutes?: number | null;
                            sessionAbsoluteHours?: number | null;
                            passwordPolicy?: {
                                /** @description Characters at least (default 12); a password of 64 or more always meets length and character classes */
                                minLength?: number;
                                /** @description At least one lowercase letter */
                                requireLower?: boolean;
                                /** @description At least one uppercase letter */
                                requireUpper?: boolean;
                                /** @description At least one digit */
                                requireDigit?: boolean;
                                /** @description At least one character that is neither a letter nor a digit (a space counts) */
                                requireSymbol?: boolean;
                                /** @description Refuse common passwords (default true) */
                                disallowCommon?: boolean;
                                /** @description A new password may not be one of the last N, the current one included (default 0: off) */
                                historyCount?: number;
                                maxAgeDays?: number | null;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opaque identifier */
                            id: string;
                            name: string;
                            settings: {
                                /** @description Members can be deleted (seed 003), not only deactivated (seed 000) */
                                allowMemberDeletion: boolean;
                                invitationLifetimeDays: number;
                                sessionIdleMinutes: number | null;
                                sessionAbsoluteHours: number | null;
                                /** @description Password complexity (seed 004); a user in several organizations meets all of their policies */
                                passwordPolicy: {
                                    /** @description Characters at least (default 12); a password of 64 or more always meets length and character classes */
                                    minLength: number;
                                    /** @description At least one lowercase letter */
                                    requireLower: boolean;
                                    /** @description At least one uppercase letter */
                                    requireUpper: boolean;
                                    /** @description At least one digit */
                                    requireDigit: boolean;
                                    /** @description At least one character that is neither a letter nor a digit (a space counts) */
                                    requireSymbol: boolean;
                                    /** @description Refuse common passwords (default true) */
                                    disallowCommon: boolean;
                                    /** @description A new password may not be one of the last N, the current one included (default 0: off) */
                                    historyCount: number;
                                    maxAgeDays: number | null;
                                };
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/transfer-ownership": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make another active member the owner; you become an admin (owner only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Opaque identifier */
                        userId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opaque identifier */
                            userId: string;
                            username: string;
                            email: string;
                            firstName: string;
                            lastName: string;
                            /** @description How the user appears in history and logs */
                            displayName: string;
                            alias: string | null;
                            /** @description The alias, or the real name when no alias is set */
                            communicationName: string;
                            title: string | null;
                            phone: string | null;
                            phoneExtension: string | null;
                            address: string | null;
                            color: string | null;
                            clickToDial: string | null;
                            clickToDialUrl: string | null;
                            senderEmails: string[];
                            signature: string | null;
                            avatarUrl: string;
                            lastLoginAt: string | null;
                            role: string;
                            status: "active" | "inactive";
                            /** @description The groups the member is in, by name (seed 002 "User Groups") */
                            groups: {
                                /** @description Opaque identifier */
                                id: string;
                                name: string;
                            }[];
                            addedBy: string | null;
                            addedVia: string;
                            /** Format: date-time */
                            joinedAt: string;
                            deactivatedAt: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List and search members (members.read) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    /** @description Active and inactive members are listed apart */
                    status?: "active" | "inactive";
                    /** @description Search term: a prefix of the username, email, first or last name (any case); with match=substring, any part of them */
                    q?: string;
                    /** @description How q matches: prefix (default) or substring; a substring of one or two characters matches as a prefix */
                    match?: "prefix" | "substring";
                    role?: string;
                    /** @description Only members of this group (a group id) */
                    group?: string;
                };
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Opaque identifier */
                                userId: string;
                                username: string;
                                email: string;
                                firstName: string;
                                lastName: string;
                                /** @description How the user appears in history and logs */
                                displayName: string;
                                alias: string | null;
                                /** @description The alias, or the real name when no alias is set */
                                communicationName: string;
                                title: string | null;
                                phone: string | null;
                                phoneExtension: string | null;
                                address: string | null;
                                color: string | null;
                                clickToDial: string | null;
                                clickToDialUrl: string | null;
                                senderEmails: string[];
                                signature: string | null;
                                avatarUrl: string;
                                lastLoginAt: string | null;
                                role: string;
                                status: "active" | "inactive";
                                /** @description The groups the member is in, by name (seed 002 "User Groups") */
                                groups: {
                                    /** @description Opaque identifier */
                                    id: string;
                                    name: string;
                                }[];
                                addedBy: string | null;
                                addedVia: string;
                                /** Format: date-time */
                                joinedAt: string;
                                deactivatedAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a user directly with a username and password (members.create) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        /** @description Not blank */
                        firstName: string;
                        /** @description Not blank */
                        lastName: string;
                        displayName?: string | null;
                        alias?: string | null;
                        title?: string | null;
                        phone?: string | null;
                        phoneExtension?: string | null;
                        address?: string | null;
                        color?: string | null;
                        clickToDial?: string | null;
                        senderEmails?: string[];
                        signature?: string | null;
                        /** @description Letters, digits, dot, underscore, hyphen; can not be changed once saved */
                        username: string;
                        password: string;
                        role: string;
                        /** @description Granted resources per type; each type named is replaced */
                        resources?: {
                            [key: string]: string[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opaque identifier */
                            userId: string;
                            username: string;
                            email: string;
                            firstName: string;
                            lastName: string;
                            /** @description How the user appears in history and logs */
                            displayName: string;
                            alias: string | null;
                            /** @description The alias, or the real name when no alias is set */
                            communicationName: string;
                            title: string | null;
                            phone: string | null;
                            phoneExtension: string | null;
                            address: string | null;
                            color: string | null;
                            clickToDial: string | null;
                            clickToDialUrl: string | null;
                            senderEmails: string[];
                            signature: string | null;
                            avatarUrl: string;
                            lastLoginAt: string | null;
                            role: string;
                            status: "active" | "inactive";
                            /** @description The groups the member is in, by name (seed 002 "User Groups") */
                            groups: {
                                /** @description Opaque identifier */
                                id: string;
                                name: string;
                            }[];
                            addedBy: string | null;
                            addedVia: string;
                            /** Format: date-time */
                            joinedAt: string;
                            deactivatedAt: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/members/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deactivate, activate or delete the selected members, or all of them, all or nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        action: "deactivate" | "activate" | "delete";
                        userIds?: string[];
                        /** @description Every member but the owner and yourself */
                        all?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            affected: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One member, with its ETag */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    /** @description Opaque identifier */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opaque identifier */
                            userId: string;
                            username: string;
                            email: string;
                            firstName: string;
                            lastName: string;
                            /** @description How the user appears in history and logs */
                            displayName: string;
                            alias: string | null;
                            /** @description The alias, or the real name when no alias is set */
                            communicationName: string;
                            title: string | null;
                            phone: string | null;
                            phoneExtension: string | null;
                            address: string | null;
                            color: string | null;
                            clickToDial: string | null;
                            clickToDialUrl: string | null;
                            senderEmails: string[];
                            signature: string | null;
                            avatarUrl: string;
                            lastLoginAt: string | null;
                            role: string;
                            status: "active" | "inactive";
                            /** @description The groups the member is in, by name (seed 002 "User Groups") */
                            groups: {
                                /** @description Opaque identifier */
                                id: string;
                                name: string;
                            }[];
                            addedBy: string | null;
                            addedVia: string;
                            /** Format: date-time */
                            joinedAt: string;
                            deactivatedAt: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a member, when the organization allows deletion (members.delete) */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag of the resource as last read (or *): the write is refused with 412 precondition.failed if it changed since */
                    "if-match"?: string;
                };
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    /** @description Opaque identifier */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Edit a member; the username can not be changed (members.update, roles.assign for role) */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag of the resource as last read (or *): the write is refused with 412 precondition.failed if it changed since */
                    "if-match"?: string;
                };
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    /** @description Opaque identifier */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email?: string;
                        /** @description Not blank */
                        firstName?: string;
                        /** @description Not blank */
                        lastName?: string;
                        displayName?: string | null;
                        alias?: string | null;
                        title?: string | null;
                        phone?: string | null;
                        phoneExtension?: string | null;
                        address?: string | null;
                        color?: string | null;
                        clickToDial?: string | null;
                        senderEmails?: string[];
                        signature?: string | null;
                        username?: string;
                        /** @description Needed to change the email, where password reset links go (ASVS 7.5.1) */
                        currentPassword?: string;
                        password?: string;
                        role?: string;
                        /** @description Group ids: the member ends up in exactly these groups (groups.manage, and holding the permissions of every group joined or left) */
                        groups?: string[];
                        /** @description User-specific permissions: allow or deny overrides role and groups; inherit removes the override */
                        permissions?: {
                            [key: string]: "allow" | "deny" | "inherit";
                        };
                        /** @description Granted resources per type; each type named is replaced */
                        resources?: {
                            [key: string]: string[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opaque identifier */
                            userId: string;
                            username: string;
                            email: string;
                            firstName: string;
                            lastName: string;
                            /** @description How the user appears in history and logs */
                            displayName: string;
                            alias: string | null;
                            /** @description The alias, or the real name when no alias is set */
                            communicationName: string;
                            title: string | null;
                            phone: string | null;
                            phoneExtension: string | null;
                            address: string | null;
                            color: string | null;
                            clickToDial: string | null;
                            clickToDialUrl: string | null;
                            senderEmails: string[];
                            signature: string | null;
                            avatarUrl: string;
                            lastLoginAt: string | null;
                            role: string;
                            status: "active" | "inactive";
                            /** @description The groups the member is in, by name (seed 002 "User Groups") */
                            groups: {
                                /** @description Opaque identifier */
                                id: string;
                                name: string;
                            }[];
                            addedBy: string | null;
                            addedVia: string;
                            /** Format: date-time */
                            joinedAt: string;
                            deactivatedAt: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/members/{userId}/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A member's user-specific permissions (allow / deny) and granted resources, as PATCH sets them (members.read, or yourself) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    /** @description Opaque identifier */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The overrides set; a permission not named inherits from role and groups */
                            permissions: {
                                [key: string]: "allow" | "deny";
                            };
                            /** @description Granted resource ids per type */
                            resources: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/members/{userId}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deactivate a member, keeping role and groups (members.deactivate) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag of the resource as last read (or *): the write is refused with 412 precondition.failed if it changed since */
                    "if-match"?: string;
                };
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    /** @description Opaque identifier */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opaque identifier */
                            userId: string;
                            username: string;
                            email: string;
                            firstName: string;
                            lastName: string;
                            /** @description How the user appears in history and logs */
                            displayName: string;
                            alias: string | null;
                            /** @description The alias, or the real name when no alias is set */
                            communicationName: string;
                            title: string | null;
                            phone: string | null;
                            phoneExtension: string | null;
                            address: string | null;
                            color: string | null;
                            clickToDial: string | null;
                            clickToDialUrl: string | null;
                            senderEmails: string[];
                            signature: string | null;
                            avatarUrl: string;
                            lastLoginAt: string | null;
                            role: string;
                            status: "active" | "inactive";
                            /** @description The groups the member is in, by name (seed 002 "User Groups") */
                            groups: {
                                /** @description Opaque identifier */
                                id: string;
                                name: string;
                            }[];
                            addedBy: string | null;
                            addedVia: string;
                            /** Format: date-time */
                            joinedAt: string;
                            deactivatedAt: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/members/{userId}/resend-invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the invitation email again to a member who never logged in (members.invite, seed 004) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    /** @description Opaque identifier */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opaque identifier */
                            userId: string;
                            username: string;
                            email: string;
                            firstName: string;
                            lastName: string;
                            /** @description How the user appears in history and logs */
                            displayName: string;
                            alias: string | null;
                            /** @description The alias, or the real name when no alias is set */
                            communicationName: string;
                            title: string | null;
                            phone: string | null;
                            phoneExtension: string | null;
                            address: string | null;
                            color: string | null;
                            clickToDial: string | null;
                            clickToDialUrl: string | null;
                            senderEmails: string[];
                            signature: string | null;
                            avatarUrl: string;
                            lastLoginAt: string | null;
                            role: string;
                            status: "active" | "inactive";
                            /** @description The groups the member is in, by name (seed 002 "User Groups") */
                            groups: {
                                /** @description Opaque identifier */
                                id: string;
                                name: string;
                            }[];
                            addedBy: string | null;
                            addedVia: string;
                            /** Format: date-time */
                            joinedAt: string;
                            deactivatedAt: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/members/{userId}/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email the member a password reset link; the admin never sees or chooses the password (members.update) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    /** @description Opaque identifier */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            email: string;
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/members/{userId}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reactivate a member (members.deactivate) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag of the resource as last read (or *): the write is refused with 412 precondition.failed if it changed since */
                    "if-match"?: string;
                };
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    /** @description Opaque identifier */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opaque identifier */
                            userId: string;
                            username: string;
                            email: string;
                            firstName: string;
                            lastName: string;
                            /** @description How the user appears in history and logs */
                            displayName: string;
                            alias: string | null;
                            /** @description The alias, or the real name when no alias is set */
                            communicationName: string;
                            title: string | null;
                            phone: string | null;
                            phoneExtension: string | null;
                            address: string | null;
                            color: string | null;
                            clickToDial: string | null;
                            clickToDialUrl: string | null;
                            senderEmails: string[];
                            signature: string | null;
                            avatarUrl: string;
                            lastLoginAt: string | null;
                            role: string;
                            status: "active" | "inactive";
                            /** @description The groups the member is in, by name (seed 002 "User Groups") */
                            groups: {
                                /** @description Opaque identifier */
                                id: string;
                                name: string;
                            }[];
                            addedBy: string | null;
                            addedVia: string;
                            /** Format: date-time */
                            joinedAt: string;
                            deactivatedAt: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/members/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export members as CSV (members.read)
         * @description Columns: username, email, firstName, lastName, displayName, alias, title, phone, role, status, groups (names separated by ;), lastLoginAt, joinedAt. A cell starting with =, +, -, @, a tab or a carriage return gets a leading apostrophe, so a spreadsheet does not run it as a formula.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Every member when left out */
                    status?: "active" | "inactive";
                };
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The CSV file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Roles of the organization */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Opaque identifier */
                                id: string;
                                key: string;
                                name: string;
                                description: string;
                                permissions: string[];
                                builtin: boolean;
                                resourceScopes: {
                                    [key: string]: string;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a custom role (roles.manage) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        key: string;
                        /** @description Not blank */
                        name: string;
                        description?: string;
                        permissions: string[];
                        resourceScopes?: {
                            [key: string]: "one" | "granted" | "all";
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opaque identifier */
                            id: string;
                            key: string;
                            name: string;
                            description: string;
                            permissions: string[];
                            builtin: boolean;
                            resourceScopes: {
                                [key: string]: string;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/roles/{roleKey}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One role, with its ETag */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    roleKey: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opaque identifier */
                            id: string;
                            key: string;
                            name: string;
                            description: string;
                            permissions: string[];
                            builtin: boolean;
                            resourceScopes: {
                                [key: string]: string;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a custom role nobody holds (roles.manage) */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag of the resource as last read (or *): the write is refused with 412 precondition.failed if it changed since */
                    "if-match"?: string;
                };
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    roleKey: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Edit a custom role (roles.manage) */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag of the resource as last read (or *): the write is refused with 412 precondition.failed if it changed since */
                    "if-match"?: string;
                };
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    roleKey: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Not blank */
                        name?: string;
                        description?: string;
                        permissions?: string[];
                        resourceScopes?: {
                            [key: string]: "one" | "granted" | "all";
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opaque identifier */
                            id: string;
                            key: string;
                            name: string;
                            description: string;
                            permissions: string[];
                            builtin: boolean;
                            resourceScopes: {
                                [key: string]: string;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Groups of the organization, by name, with their member counts (members.read) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Opaque identifier */
                                id: string;
                                name: string;
                                description: string;
                                permissions: string[];
                                /** @description Members in the group, active and inactive */
                                memberCount: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a group with permissions you hold (groups.manage) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Unique in the organization without regard to case */
                        name: string;
                        description?: string;
                        /** @description From the catalogue (Roster's, the application's, module:<name>.<action>); at most the permissions you hold yourself */
                        permissions?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opaque identifier */
                            id: string;
                            name: string;
                            description: string;
                            permissions: string[];
                            /** @description Members in the group, active and inactive */
                            memberCount: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/groups/{groupId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One group, with its ETag (members.read) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    /** @description Opaque identifier */
                    groupId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opaque identifier */
                            id: string;
                            name: string;
                            description: string;
                            permissions: string[];
                            /** @description Members in the group, active and inactive */
                            memberCount: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a group, taking its permissions from its members; you must hold them (groups.manage) */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag of the resource as last read (or *): the write is refused with 412 precondition.failed if it changed since */
                    "if-match"?: string;
                };
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    /** @description Opaque identifier */
                    groupId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a group or change its description or permissions; you must hold its permissions, old and new (groups.manage) */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag of the resource as last read (or *): the write is refused with 412 precondition.failed if it changed since */
                    "if-match"?: string;
                };
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    /** @description Opaque identifier */
                    groupId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Unique in the organization without regard to case */
                        name?: string;
                        description?: string;
                        /** @description From the catalogue (Roster's, the application's, module:<name>.<action>); at most the permissions you hold yourself */
                        permissions?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opaque identifier */
                            id: string;
                            name: string;
                            description: string;
                            permissions: string[];
                            /** @description Members in the group, active and inactive */
                            memberCount: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/groups/{groupId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members of a group, by username (members.read) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    /** @description Left out: active and inactive members alike */
                    status?: "active" | "inactive";
                    /** @description Search term: a prefix of the username, email, first or last name (any case); with match=substring, any part of them */
                    q?: string;
                    /** @description How q matches: prefix (default) or substring; a substring of one or two characters matches as a prefix */
                    match?: "prefix" | "substring";
                };
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    /** @description Opaque identifier */
                    groupId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Opaque identifier */
                                userId: string;
                                username: string;
                                email: string;
                                firstName: string;
                                lastName: string;
                                /** @description How the user appears in history and logs */
                                displayName: string;
                                alias: string | null;
                                /** @description The alias, or the real name when no alias is set */
                                communicationName: string;
                                title: string | null;
                                phone: string | null;
                                phoneExtension: string | null;
                                address: string | null;
                                color: string | null;
                                clickToDial: string | null;
                                clickToDialUrl: string | null;
                                senderEmails: string[];
                                signature: string | null;
                                avatarUrl: string;
                                lastLoginAt: string | null;
                                role: string;
                                status: "active" | "inactive";
                                /** @description The groups the member is in, by name (seed 002 "User Groups") */
                                groups: {
                                    /** @description Opaque identifier */
                                    id: string;
                                    name: string;
                                }[];
                                addedBy: string | null;
                                addedVia: string;
                                /** Format: date-time */
                                joinedAt: string;
                                deactivatedAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/groups/{groupId}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Put a member in a group; you must hold the group's permissions (groups.manage) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    /** @description Opaque identifier */
                    groupId: string;
                    /** @description Opaque identifier */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /** Take a member out of a group; you must hold the group's permissions (groups.manage) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    /** @description Opaque identifier */
                    groupId: string;
                    /** @description Opaque identifier */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The permission catalogue: Roster's, the application's and the modules' */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                key: string;
                                description: string;
                                source: "roster" | "application" | "module";
                                module: string | null;
                                allowedRoles: string[] | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Register an application permission, optionally limited to some roles (catalog.manage) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        key: string;
                        description?: string;
                        allowedRoles?: string[] | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key: string;
                            description: string;
                            source: "roster" | "application" | "module";
                            module: string | null;
                            allowedRoles: string[] | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/permissions/{permissionKey}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an application permission from the catalogue and from every role, group and member (catalog.manage) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    permissionKey: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an application permission's description or allowed roles (catalog.manage) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    permissionKey: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        allowedRoles?: string[] | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key: string;
                            description: string;
                            source: "roster" | "application" | "module";
                            module: string | null;
                            allowedRoles: string[] | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/modules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Modules (the application's data sets) and their permissions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                name: string;
                                description: string;
                                permissions: string[];
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Register a module; its actions become module:<name>.read/create/update/delete (catalog.manage) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            description: string;
                            permissions: string[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/modules/{moduleName}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a module and its permissions everywhere (catalog.manage) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    moduleName: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/resource-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Resource types, such as partner */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                key: string;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Register a resource type (catalog.manage) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        key: string;
                        /** @description Not blank */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key: string;
                            name: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/resource-types/{resourceType}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a resource type with its resources and grants (catalog.manage) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    resourceType: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/resource-types/{resourceType}/resources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Resources of a type, e.g. the partners to select from (seed 003) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    resourceType: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                type: string;
                                id: string;
                                name: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Register or rename resources of a type (catalog.manage) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    resourceType: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @description Not blank */
                            name: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                type: string;
                                id: string;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ready-made access setups, and whether each is applied here already */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                name: string;
                                roles: {
                                    key: string;
                                    name: string;
                                    description: string;
                                    resourceScopes: {
                                        [key: string]: string;
                                    };
                                }[];
                                permissions: {
                                    key: string;
                                    description: string;
                                    allowedRoles: string[];
                                }[];
                                /** @description Every resource type, role and permission it creates exists already */
                                applied: boolean;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/templates/{template}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply a ready-made access setup: partner-network is seed 003's Partner / Normal / Admin (catalog.manage and roles.manage) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    template: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            template: string;
                            created: string[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/resource-types/{resourceType}/resources/{resourceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a resource and every grant of it (catalog.manage) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    resourceType: string;
                    resourceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** History of changes, filterable by actor, target, action and time */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    /** @description Opaque identifier */
                    actor?: string;
                    /** @description Opaque identifier */
                    target?: string;
                    action?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Opaque identifier */
                                id: string;
                                organizationId: string | null;
                                actorUserId: string | null;
                                /** @description The actor's display name when the event happened */
                                actorDisplayName: string;
                                action: string;
                                targetType: string;
                                targetId: string | null;
                                targetDisplayName: string | null;
                                before: unknown;
                                after: unknown;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API keys not revoked, without their secrets (api_keys.manage) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Opaque identifier */
                                id: string;
                                name: string;
                                /** @description The public start of the key, to tell keys apart; it grants nothing alone */
                                prefix: string;
                                permissions: string[];
                                createdBy: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                expiresAt: string | null;
                                lastUsedAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create an API key with at most your own permissions; its secret is shown this once (api_keys.manage) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description At most the permissions you hold yourself */
                        permissions: string[];
                        /** Format: date-time */
                        expiresAt?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opaque identifier */
                            id: string;
                            name: string;
                            /** @description The public start of the key, to tell keys apart; it grants nothing alone */
                            prefix: string;
                            permissions: string[];
                            createdBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            expiresAt: string | null;
                            lastUsedAt: string | null;
                            /** @description The whole key, `rst_<prefix>_<secret>`, for `Authorization: Bearer`; shown this once only */
                            key: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key; it stops working at once (api_keys.manage) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    /** @description Opaque identifier */
                    keyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/authz/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** May this member do that, to this resource? Answered with a reason (authz.check, or about yourself) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Opaque identifier */
                        userId: string;
                        permission: string;
                        resource?: {
                            type: string;
                            id: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowed: boolean;
                            /** @description Allowed: role:<key>, group:<name>, user:allow. Refused: not_member, inactive, user:deny, role_not_eligible, not_granted, resource_not_granted */
                            reason: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/authz/check-batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Up to 1000 checks at once, answered in the order asked (authz.check, or about yourself) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        checks: {
                            /** @description Opaque identifier */
                            userId: string;
                            permission: string;
                            resource?: {
                                type: string;
                                id: string;
                            };
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                allowed: boolean;
                                /** @description Allowed: role:<key>, group:<name>, user:allow. Refused: not_member, inactive, user:deny, role_not_eligible, not_granted, resource_not_granted */
                                reason: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/members/{userId}/access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A member's effective permissions with reasons, and resources (authz.check, or yourself) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    /** @description Opaque identifier */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opaque identifier */
                            userId: string;
                            role: string;
                            status: "active" | "inactive";
                            /** @description Nothing for an inactive member; `*` alone for owners and admins */
                            permissions: {
                                permission: string;
                                reason: string;
                            }[];
                            /** @description Per resource type: all of them, or only the ids granted */
                            resources: {
                                [key: string]: {
                                    scope: "one" | "granted" | "all";
                                    ids: string[];
                                };
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invitations, newest first, with bounces and the server's reason (members.invite) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    status?: "pending" | "accepted" | "revoked" | "bounced" | "expired";
                };
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Opaque identifier */
                                id: string;
                                email: string;
                                role: string;
                                permissions: string[];
                                groups: string[];
                                resources: {
                                    [key: string]: string[];
                                };
                                note: string | null;
                                status: "pending" | "accepted" | "revoked" | "bounced" | "expired";
                                bounceReason: string | null;
                                invitedBy: string | null;
                                invitedByName: string;
                                sendCount: number;
                                lastSentAt: string | null;
                                /** Format: date-time */
                                expiresAt: string;
                                acceptedAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Invite a comma-separated list of addresses (members.invite); each address gets its own outcome */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        emails: string | string[];
                        role: string;
                        /** @description Permissions on top of the role */
                        permissions?: string[];
                        groups?: string[];
                        resources?: {
                            [key: string]: string[];
                        };
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                email: string;
                                status: "invited" | "refreshed" | "invalid" | "already_member" | "duplicate";
                                /** @description Opaque identifier */
                                invitationId?: string;
                                reason?: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/invitations/{invitationId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a pending or bounced invitation again with a fresh link (seed 004) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    /** @description Opaque identifier */
                    invitationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opaque identifier */
                            id: string;
                            email: string;
                            role: string;
                            permissions: string[];
                            groups: string[];
                            resources: {
                                [key: string]: string[];
                            };
                            note: string | null;
                            status: "pending" | "accepted" | "revoked" | "bounced" | "expired";
                            bounceReason: string | null;
                            invitedBy: string | null;
                            invitedByName: string;
                            sendCount: number;
                            lastSentAt: string | null;
                            /** Format: date-time */
                            expiresAt: string;
                            acceptedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/invitations/{invitationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an invitation: its link stops working */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    /** @description Opaque identifier */
                    invitationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What an invitation offers, for the invitee (no session needed) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            organization: {
                                /** @description Opaque identifier */
                                id: string;
                                name: string;
                            };
                            invitedByName: string;
                            role: {
                                key: string;
                                name: string;
                            };
                            email: string;
                            note: string | null;
                            /** Format: date-time */
                            expiresAt: string;
                            /** @description Whether to sign in (true) or create an account (false) to accept */
                            existingAccount: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{token}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept: signed in with the invited address, or as a new user choosing username, names and password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Letters, digits, dot, underscore, hyphen; can not be changed once saved */
                        username?: string;
                        password?: string;
                        /** @description Not blank */
                        firstName?: string;
                        /** @description Not blank */
                        lastName?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                /** @description Opaque identifier */
                                id: string;
                                username: string;
                                email: string;
                                firstName: string;
                                lastName: string;
                                /** @description How the user appears in history and logs */
                                displayName: string;
                                alias: string | null;
                                /** @description The alias, or the real name when no alias is set */
                                communicationName: string;
                                title: string | null;
                                phone: string | null;
                                phoneExtension: string | null;
                                address: string | null;
                                color: string | null;
                                clickToDial: string | null;
                                clickToDialUrl: string | null;
                                senderEmails: string[];
                                signature: string | null;
                                avatarUrl: string;
                                lastLoginAt: string | null;
                                superAdmin: boolean;
                                acceptedTermsVersion: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            };
                            /** @description Opaque identifier */
                            organizationId: string;
                            created: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/mailbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's email, newest first, while no SMTP server is configured (settings.manage) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    /** @description Only messages to this address (any case) */
                    to?: string;
                };
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Opaque identifier */
                                id: string;
                                /** @description invitation, welcome, bounce_notice, password_reset or notice */
                                kind: string;
                                to: string;
                                subject: string;
                                text: string;
                                html: string;
                                /** @description Without SMTP, `sent` means delivered to this mailbox */
                                status: "pending" | "sending" | "sent" | "failed" | "bounced";
                                attempts: number;
                                lastError: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                sentAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Imports, newest first, with their progress (members.invite) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Opaque identifier */
                                id: string;
                                /** @description skip_invalid invites the valid rows and reports the others; all_or_nothing imports nothing unless every row is valid */
                                mode: "skip_invalid" | "all_or_nothing";
                                status: "running" | "finished" | "failed";
                                totalRows: number;
                                /** @description Rows handled so far: invited plus skipped */
                                processedRows: number;
                                /** @description Rows whose address was invited, or whose pending invitation was sent again with the row's terms */
                                invitedRows: number;
                                skippedRows: number;
                                createdBy: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                finishedAt: string | null;
                                /** @description Every problem of every skipped row; left out of lists */
                                problems?: {
                                    /** @description The row in the file, the header being row 1, as a spreadsheet numbers rows */
                                    row: number;
                                    field: string | null;
                                    message: string;
                                }[];
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Import invitees from a CSV file (members.invite), or check it with dryRun=true
         * @description The body is the CSV file, `Content-Type: text/csv`: a header row naming the columns (email, firstName, lastName, role, groups, permissions, resources, note; only email is required), then one invitee a row. A dry run answers 200 with every row's problems and changes nothing; an import answers 201 once done. An all_or_nothing import of a file with problems answers 422 with all of them.
         */
        post: {
            parameters: {
                query?: {
                    /** @description all_or_nothing unless given */
                    mode?: "skip_invalid" | "all_or_nothing";
                    /** @description Check every row and report its problems; change nothing */
                    dryRun?: boolean;
                };
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            dryRun: true;
                            /** @description skip_invalid invites the valid rows and reports the others; all_or_nothing imports nothing unless every row is valid */
                            mode: "skip_invalid" | "all_or_nothing";
                            totalRows: number;
                            validRows: number;
                            invalidRows: number;
                            problems: {
                                /** @description The row in the file, the header being row 1, as a spreadsheet numbers rows */
                                row: number;
                                field: string | null;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opaque identifier */
                            id: string;
                            /** @description skip_invalid invites the valid rows and reports the others; all_or_nothing imports nothing unless every row is valid */
                            mode: "skip_invalid" | "all_or_nothing";
                            status: "running" | "finished" | "failed";
                            totalRows: number;
                            /** @description Rows handled so far: invited plus skipped */
                            processedRows: number;
                            /** @description Rows whose address was invited, or whose pending invitation was sent again with the row's terms */
                            invitedRows: number;
                            skippedRows: number;
                            createdBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            finishedAt: string | null;
                            /** @description Every problem of every skipped row; left out of lists */
                            problems?: {
                                /** @description The row in the file, the header being row 1, as a spreadsheet numbers rows */
                                row: number;
                                field: string | null;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description import.rows_invalid: nothing was imported */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description Stable machine-readable error code */
                            code: string;
                            /** @description The request field at fault, e.g. body.email */
                            field?: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            /** @description user.password_invalid: every password rule broken (minLength, maxLength, lower, upper, digit, symbol, personal, common, reused) */
                            rules?: string[];
                            /** @description auth.locked and rate.limited: seconds to wait, as in the Retry-After header */
                            retryAfter?: number;
                            problems: {
                                /** @description The row in the file, the header being row 1, as a spreadsheet numbers rows */
                                row: number;
                                field: string | null;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/imports/{importId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One import: its progress while it runs, and every problem of the rows it skipped (members.invite) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                    /** @description Opaque identifier */
                    importId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Opaque identifier */
                            id: string;
                            /** @description skip_invalid invites the valid rows and reports the others; all_or_nothing imports nothing unless every row is valid */
                            mode: "skip_invalid" | "all_or_nothing";
                            status: "running" | "finished" | "failed";
                            totalRows: number;
                            /** @description Rows handled so far: invited plus skipped */
                            processedRows: number;
                            /** @description Rows whose address was invited, or whose pending invitation was sent again with the row's terms */
                            invitedRows: number;
                            skippedRows: number;
                            createdBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            finishedAt: string | null;
                            /** @description Every problem of every skipped row; left out of lists */
                            problems?: {
                                /** @description The row in the file, the header being row 1, as a spreadsheet numbers rows */
                                row: number;
                                field: string | null;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{organizationId}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue a notice by email to every active member, or to those holding a permission (notifications.send) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description One line; the email's subject starts with the organization's name */
                        subject: string;
                        /** @description Plain text; blank lines separate paragraphs */
                        body: string;
                        /** @description Only the active members who hold this permission (e.g. billing.notices); every active member when left out */
                        permission?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Emails queued, one a recipient */
                            queued: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details */
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Stable machine-readable error code */
            code: string;
            /** @description The request field at fault, e.g. body.email */
            field?: string;
            errors?: {
                field: string;
                message: string;
            }[];
            /** @description user.password_invalid: every password rule broken (minLength, maxLength, lower, upper, digit, symbol, personal, common, reused) */
            rules?: string[];
            /** @description auth.locked and rate.limited: seconds to wait, as in the Retry-After header */
            retryAfter?: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
