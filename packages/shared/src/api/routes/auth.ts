import { z } from 'zod';
import {
  ZAuthResponse,
  ZLoginRequest,
  ZMeResponse,
  ZSignupRequest,
  ZSignupResponse,
} from '../auth.ts';
import { defineRoute, errors } from '../route.ts';

/** Accounts: sign up, sign in, sign out, who am I. */
export const authRoutes = {
  signUp: defineRoute({
    method: 'POST',
    path: '/api/auth/signup',
    summary: 'Create an account (and its personal workspace); signs in',
    body: ZSignupRequest,
    public: true,
    responses: { 201: ZSignupResponse, ...errors(400, 401, 404, 409, 410, 429) },
  }),
  logIn: defineRoute({
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Sign in with email and password',
    body: ZLoginRequest,
    public: true,
    responses: { 200: ZAuthResponse, ...errors(400, 401, 409, 429) },
  }),
  logOut: defineRoute({
    method: 'POST',
    path: '/api/auth/logout',
    summary: 'Sign out this browser (also ends a workshop guest session)',
    public: true,
    responses: { 204: z.null() },
  }),
  me: defineRoute({
    method: 'GET',
    path: '/api/me',
    summary: 'The signed-in account and its workspaces (or the workshop participant)',
    responses: { 200: ZMeResponse, ...errors(401) },
  }),
};
