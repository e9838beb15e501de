import { randomUUID } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';

/** What a TAK enrolment data package carries. */
export interface DataPackageInput {
  /** Shown in the device's list of servers. */
  description: string;
  /** `host:port:ssl`. */
  connectString: string;
  callsign: string;
  /** The user's certificate and key, PKCS#12. */
  clientP12: Uint8Array;
  /** The CA, certificate-only PKCS#12. */
  trustStoreP12: Uint8Array;
  password: string;
  /** Base of the file names (the username). */
  name: string;
}

function xmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function entry(key: string, type: 'String' | 'Boolean' | 'Integer', value: string | number | boolean): string {
  return `    <entry key="${key}" class="class java.lang.${type}">${xmlText(String(value))}</entry>`;
}

/**
 * The connection preference ATAK, iTAK and WinTAK read from a data package: one TLS stream to Enlace, and where
 * the certificates inside the package are with their password, so the import needs no typing on the phone.
 */
export function buildConnectionPreference(input: Omit<DataPackageInput, 'clientP12' | 'trustStoreP12'>, files: { client: string; trust: string }): string {
  return [
    "<?xml version='1.0' encoding='ASCII' standalone='yes'?>",
    '<preferences>',
    '  <preference version="1" name="cot_streams">',
    entry('count', 'Integer', 1),
    entry('description0', 'String', input.description),
    entry('enabled0', 'Boolean', true),
    entry('connectString0', 'String', input.connectString),
    '  </preference>',
    '  <preference version="1" name="com.atakmap.app_preferences">',
    entry('displayServerConnectionWidget', 'Boolean', true),
    entry('locationCallsign', 'String', input.callsign),
    entry('caLocation', 'String', `cert/${files.trust}`),
    entry('caPassword', 'String', input.password),
    entry('certificateLocation', 'String', `cert/${files.client}`),
    entry('clientPassword', 'String', input.password),
    '  </preference>',
    '</preferences>',
    '',
  ].join('\n');
}

/** The data package manifest (MissionPackageManifest version 2). */
export function buildManifest(name: string, entries: readonly string[]): string {
  return [
    '<MissionPackageManifest version="2">',
    '  <Configuration>',
    `    <Parameter name="uid" value="${randomUUID()}"/>`,
    `    <Parameter name="name" value="${xmlText(name)}"/>`,
    '    <Parameter name="onReceiveDelete" value="true"/>',
    '  </Configuration>',
    '  <Contents>',
    ...entries.map((e) => `    <Content ignore="false" zipEntry="${xmlText(e)}"/>`),
    '  </Contents>',
    '</MissionPackageManifest>',
    '',
  ].join('\n');
}

/** Builds the enrolment data package (zip): `MANIFEST/manifest.xml`, `certs/*.p12`, `certs/enlace.pref`. */
export function buildDataPackage(input: DataPackageInput): { fileName: string; zip: Uint8Array } {
  const safe = input.name.replace(/[^A-Za-z0-9._-]/g, '_');
  const files = { client: `${safe}.p12`, trust: 'truststore-enlace.p12' };
  const pref = 'certs/enlace.pref';
  const fileName = `enlace-${safe}.zip`;
  const entries = [pref, `certs/${files.trust}`, `certs/${files.client}`];
  const zip = zipSync({
    'MANIFEST/manifest.xml': strToU8(buildManifest(fileName, entries)),
    [pref]: strToU8(buildConnectionPreference(input, files)),
    [`certs/${files.trust}`]: input.trustStoreP12,
    [`certs/${files.client}`]: input.clientP12,
  });
  return { fileName, zip };
}
