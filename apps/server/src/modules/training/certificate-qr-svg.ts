import QRCode from 'qrcode';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { getCertificate } from './get-certificate.ts';

/**
 * The QR code (SVG) of a certificate's public verification URL, for printing on the certificate. The URL is built on
 * the address the caller reached the server at.
 */
export async function certificateQrSvg({ ctx, actor, id, origin }: { ctx: AppContext; actor: Actor; id: string; origin: string }): Promise<{
  svg: string;
  url: string;
}> {
  const certificate = await getCertificate({ ctx, actor, id });
  const url = `${origin}${certificate.verifyPath}`;
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { svg, url };
}
