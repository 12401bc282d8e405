import { z } from 'zod';
import { ZLinkParams, ZMapParams } from '../ids.ts';
import { defineRoute, errors } from '../route.ts';
import {
  ZCreateShareLinkRequest,
  ZCreateShareLinkResponse,
  ZCreateWorkshopLinkRequest,
  ZCreateWorkshopLinkResponse,
  ZJoinWorkshopRequest,
  ZJoinWorkshopResponse,
  ZListShareLinksResponse,
  ZListWorkshopLinksResponse,
  ZOpenLinkRequest,
  ZOpenShareLinkResponse,
  ZPreviewWorkshopLinkResponse,
  ZShareLink,
  ZUnlockShareLinkRequest,
  ZUpdateShareLinkRequest,
} from '../sharing.ts';

const failures = errors(400, 401, 403, 404, 410);

/**
 * Read-only share links (owners) and workshop join links (editors). Tokens
 * travel in bodies, never in API URLs (logs).
 */
export const sharingRoutes = {
  createShareLink: defineRoute({
    method: 'POST',
    path: '/api/maps/:id/share-links',
    summary: 'Create a read-only link to the map (owners)',
    params: ZMapParams,
    body: ZCreateShareLinkRequest,
    responses: { 201: ZCreateShareLinkResponse, ...failures },
  }),
  listShareLinks: defineRoute({
    method: 'GET',
    path: '/api/maps/:id/share-links',
    summary: "The map's active read-only links (owners)",
    params: ZMapParams,
    responses: { 200: ZListShareLinksResponse, ...failures },
  }),
  revokeShareLink: defineRoute({
    method: 'DELETE',
    path: '/api/share-links/:id',
    summary: 'Revoke a read-only link; its open views close within a second',
    params: ZLinkParams,
    responses: { 204: z.null(), ...failures },
  }),
  updateShareLink: defineRoute({
    method: 'PATCH',
    path: '/api/share-links/:id',
    summary:
      'Turn comments on or off for a read-only link, choose whether it opens on the board or the briefing, or set, change or remove its password (owners)',
    params: ZLinkParams,
    body: ZUpdateShareLinkRequest,
    responses: { 200: ZShareLink, ...failures },
  }),
  openShareLink: defineRoute({
    method: 'POST',
    path: '/api/share-links/open',
    summary:
      'What a read-only link shows (no account needed); 401 SHARE_LINK_PASSWORD_REQUIRED until this device has unlocked a protected link',
    body: ZOpenLinkRequest,
    public: true,
    responses: { 200: ZOpenShareLinkResponse, ...failures },
  }),
  unlockShareLink: defineRoute({
    method: 'POST',
    path: '/api/share-links/unlock',
    summary:
      "Type a protected read-only link's password: sets this device's unlock cookie and answers what the link shows; wrong tries are limited per link and client",
    body: ZUnlockShareLinkRequest,
    public: true,
    responses: { 200: ZOpenShareLinkResponse, ...failures, ...errors(429) },
  }),
  createWorkshopLink: defineRoute({
    method: 'POST',
    path: '/api/maps/:id/workshop-links',
    summary: 'Create a workshop join link: edit this board with a name only (editors)',
    params: ZMapParams,
    body: ZCreateWorkshopLinkRequest,
    responses: { 201: ZCreateWorkshopLinkResponse, ...failures },
  }),
  listWorkshopLinks: defineRoute({
    method: 'GET',
    path: '/api/maps/:id/workshop-links',
    summary: "The map's active workshop links (editors)",
    params: ZMapParams,
    responses: { 200: ZListWorkshopLinksResponse, ...failures },
  }),
  revokeWorkshopLink: defineRoute({
    method: 'DELETE',
    path: '/api/workshop-links/:id',
    summary:
      'Revoke a workshop link; its participants are disconnected and signed out, and their raised hands lowered',
    params: ZLinkParams,
    responses: { 204: z.null(), ...failures },
  }),
  previewWorkshopLink: defineRoute({
    method: 'POST',
    path: '/api/workshop-links/preview',
    summary: 'Which map a workshop link is for, before joining (no account needed)',
    body: ZOpenLinkRequest,
    public: true,
    responses: { 200: ZPreviewWorkshopLinkResponse, ...failures, ...errors(429) },
  }),
  joinWorkshop: defineRoute({
    method: 'POST',
    path: '/api/workshop-links/join',
    summary:
      'Join a workshop with a display name (no account); sets the guest cookie. 200: this device was already in under that name and carries on as before. 409 WORKSHOP_NAME_TAKEN',
    body: ZJoinWorkshopRequest,
    public: true,
    responses: {
      200: ZJoinWorkshopResponse,
      201: ZJoinWorkshopResponse,
      ...failures,
      ...errors(409, 429),
    },
  }),
};
