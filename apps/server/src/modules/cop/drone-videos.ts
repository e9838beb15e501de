import { classificationRank } from '@enlace/contracts';
import type { TAgencyCode, TClassification, TTrack } from '@enlace/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { listEquipmentRecords } from '../forces/list-equipment-records.ts';

/** Schemes a browser or a TAK client can open as a video stream; anything else (javascript:, data:) is dropped. */
const SAFE_VIDEO = /^(https?|rtsp|rtmp|srt):\/\/[^\s"<>]{1,1990}$/i;
const VIDEO_ELEMENT = /<__video\b[^>]*?\burl\s*=\s*(?:"([^"]{1,2000})"|'([^']{1,2000})')/i;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** A video URL if it is one a client may open safely, else undefined. */
export function safeVideoUrl(url: string | null | undefined): string | undefined {
  const u = url?.trim();
  return u && SAFE_VIDEO.test(u) ? u : undefined;
}

/** The `url` of a CoT `<__video>` element in a track's raw detail XML (entities decoded), if safe. */
export function videoUrlFromDetail(detail: string | undefined): string | undefined {
  if (!detail || !detail.includes('__video')) return undefined;
  const m = VIDEO_ELEMENT.exec(detail);
  const raw = m?.[1] ?? m?.[2];
  return safeVideoUrl(raw?.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e] ?? ''));
}

/** The video link of a drone's equipment record, with the record's labels. */
export interface DroneVideo {
  url: string;
  agency: TAgencyCode;
  classification: TClassification;
}

/** How long the drones' equipment records are reused before being read again. */
const REFRESH_MS = 60_000;

/**
 * Reader of equipment records for the picture: an oversight identity reads every agency's records (as the
 * Defensoría may, Ley 26520 art. 16); what it reads is only shown next to a track whose readers may all read it.
 */
const READER: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'cop-drone-video',
  displayName: 'Video de drones',
  role: 'oversight',
  agency: 'DP',
  clearance: 'SECRETO',
  language: 'es',
  sessionHash: '',
};

/**
 * The video links of drones registered as equipment (category DRON) whose serial is a track uid, kept in memory
 * and read again in the background at most every minute, so presenting a track never waits for the database.
 */
export class DroneVideoDirectory {
  private bySerial = new Map<string, DroneVideo>();
  private loadedAt = 0;
  private loading: Promise<void> | null = null;

  constructor(private readonly ctx: AppContext) {}

  /** The equipment video for a track uid (from the last read; schedules a new read when it is old). */
  get(uid: string): DroneVideo | undefined {
    if (Date.now() - this.loadedAt > REFRESH_MS) void this.refresh().catch(() => undefined);
    return this.bySerial.get(uid);
  }

  /** Reads the drones' equipment records now. */
  refresh(): Promise<void> {
    this.loading ??= (async () => {
      this.loadedAt = Date.now();
      const { items } = await listEquipmentRecords({ ctx: this.ctx, actor: READER, category: 'DRON', limit: 10_000, offset: 0 });
      const next = new Map<string, DroneVideo>();
      for (const e of items) {
        const url = safeVideoUrl(e.drone?.videoLink);
        if (e.serial && url) next.set(e.serial, { url, agency: e.agency, classification: e.classification });
      }
      this.bySerial = next;
    })().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }
}

const directories = new WeakMap<object, DroneVideoDirectory>();

/** The directory of the instance `ctx` belongs to. */
export function droneVideos(ctx: AppContext): DroneVideoDirectory {
  let d = directories.get(ctx.bus);
  if (!d) {
    d = new DroneVideoDirectory(ctx);
    directories.set(ctx.bus, d);
  }
  return d;
}

/**
 * A track's video link: the one its device sent (`<__video>`), else its drone's equipment record when every reader
 * of the track may read that record too (same agency, classification not above the track's), so a shared
 * presentation of the track never shows a link to someone who may not see the record.
 */
export function trackVideoUrl(t: TTrack, videos: DroneVideoDirectory | undefined): string | undefined {
  const own = videoUrlFromDetail(t.detail);
  if (own) return own;
  const e = videos?.get(t.uid);
  if (!e || e.agency !== t.agency || classificationRank(e.classification) > classificationRank(t.classification)) return undefined;
  return e.url;
}
