import { config } from "../kernel/config";

/**
 * Where emails send people. Staff land on the workspace page that does what the email says;
 * students and families (whose portal is still to come) on the studio's public page, which
 * carries its contact details.
 */
export const workspaceUrl = (studioId: string, path = "") => `${config().webUrl}/dashboard/studios/${encodeURIComponent(studioId)}${path}`;

export const studioPublicUrl = (slug: string) => `${config().webUrl}/${encodeURIComponent(slug)}`;
