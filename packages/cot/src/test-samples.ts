/**
 * Sample events in the shapes ATAK, iTAK and WinTAK send (written for these tests from the documented shapes; the
 * uids and positions are made up). Used only by the *.test.ts files.
 */

/** ATAK-CIV 5.x position report: single quotes, XML declaration, `_flow-tags_` from a TAK server. */
export const ATAK_PLI = `<?xml version='1.0' encoding='UTF-8' standalone='yes'?>
<event version='2.0' uid='ANDROID-589520ccfcd20f01' type='a-f-G-U-C' time='2026-03-14T15:04:05.123Z' start='2026-03-14T15:04:05.123Z' stale='2026-03-14T15:10:20.123Z' how='h-e'><point lat='-12.046374' lon='-77.042793' hae='161.2' ce='9.9' le='9999999.0' /><detail><takv os='34' version='5.2.0.4 (d7f6e4c9).1718212345-CIV' device='GOOGLE PIXEL 8' platform='ATAK-CIV'/><contact endpoint='*:-1:stcp' callsign='PATRULLA-1'/><uid Droid='PATRULLA-1'/><precisionlocation altsrc='GPS' geopointsrc='GPS'/><__group role='Team Member' name='Cyan'/><status battery='88'/><track course='90.5' speed='1.2'/><_flow-tags_ TAK-Server-e0a1b2c3='2026-03-14T15:04:05Z'/></detail></event>`;

/** iTAK position report: no fraction in times, `contact` with a phone number, a vehicle type. */
export const ITAK_PLI = `<?xml version="1.0" encoding="UTF-8"?>
<event version="2.0" uid="5E4C3B2A-1D0F-4E9A-8B7C-6A5F4E3D2C1B" type="a-f-G-E-V-C" how="m-g" time="2026-03-14T15:04:05Z" start="2026-03-14T15:04:05Z" stale="2026-03-14T15:06:05Z">
  <point lat="-12.1" lon="-77.03" hae="9999999.0" ce="4.8" le="9999999.0"/>
  <detail>
    <contact callsign="MOVIL-7" endpoint="*:-1:stcp" phone="+51999111222"/>
    <__group name="Blue" role="Team Lead"/>
    <status battery="54"/>
    <takv platform="iTAK" version="2.9.1.755" device="iPhone 15" os="17.4"/>
    <track course="180.0" speed="8.3"/>
  </detail>
</event>`;

/** WinTAK position report: declares utf-16 while sending UTF-8, seven fraction digits, `how` before `time`. */
export const WINTAK_PLI = `<?xml version="1.0" encoding="utf-16"?>
<event version="2.0" uid="S-1-5-21-2720623347-3037847324-4167270909-1002" type="a-f-G-U-C-I" how="h-g-i-g-o" time="2026-03-14T15:04:05.1234567Z" start="2026-03-14T15:04:05.1234567Z" stale="2026-03-14T15:05:20.1234567Z"><point lat="-12.0621" lon="-77.0365" hae="0" ce="9999999" le="9999999" /><detail><contact endpoint="*:-1:stcp" callsign="PC-COMISARIA" /><uid Droid="PC-COMISARIA" /><__group name="Dark Blue" role="HQ" /><status battery="100" /><track speed="0.00000000" course="0.00000000" /><takv device="DESKTOP-4B2K9" platform="WinTAK-CIV" os="Microsoft Windows 10 Pro" version="5.1.0.101" /><precisionlocation geopointsrc="USER" altsrc="???" /></detail></event>`;

/** ATAK GeoChat to All Chat Rooms, with server routing details the codec does not model. */
export const ATAK_CHAT = `<?xml version='1.0' encoding='UTF-8' standalone='yes'?>
<event version='2.0' uid='GeoChat.ANDROID-589520ccfcd20f01.All Chat Rooms.8f2b9c1e-4d3a-4b5c-9e8f-7a6b5c4d3e2f' type='b-t-f' time='2026-03-14T15:05:00.000Z' start='2026-03-14T15:05:00.000Z' stale='2026-03-15T15:05:00.000Z' how='h-g-i-g-o'><point lat='-12.046374' lon='-77.042793' hae='161.2' ce='9.9' le='9999999.0' /><detail><__chat parent='RootContactGroup' groupOwner='false' messageId='8f2b9c1e-4d3a-4b5c-9e8f-7a6b5c4d3e2f' chatroom='All Chat Rooms' id='All Chat Rooms' senderCallsign='PATRULLA-1'><chatgrp uid0='ANDROID-589520ccfcd20f01' uid1='All Chat Rooms' id='All Chat Rooms'/></__chat><link uid='ANDROID-589520ccfcd20f01' type='a-f-G-U-C' relation='p-p'/><remarks source='BAO.F.ATAK.ANDROID-589520ccfcd20f01' to='All Chat Rooms' time='2026-03-14T15:05:00.000Z'>Llegamos al punto &amp; esperamos órdenes</remarks><__serverdestination destinations='10.0.0.5:4242:tcp:ANDROID-589520ccfcd20f01'/><marti><dest callsign='CENTRAL'/></marti></detail></event>`;

/** ATAK 911 alert. */
export const ATAK_EMERGENCY = `<event version='2.0' uid='ANDROID-589520ccfcd20f01-9-1-1' type='b-a-o-tbl' time='2026-03-14T15:06:00.000Z' start='2026-03-14T15:06:00.000Z' stale='2026-03-14T15:16:00.000Z' how='h-e'><point lat='-12.046374' lon='-77.042793' hae='161.2' ce='9.9' le='9999999.0' /><detail><link uid='ANDROID-589520ccfcd20f01' type='a-f-G-U-C' relation='p-p'/><contact callsign='PATRULLA-1-Alert'/><emergency type='911 Alert'>PATRULLA-1</emergency></detail></event>`;

/** ATAK cancel of that alert. */
export const ATAK_EMERGENCY_CANCEL = `<event version='2.0' uid='ANDROID-589520ccfcd20f01-9-1-1' type='b-a-o-can' time='2026-03-14T15:07:00.000Z' start='2026-03-14T15:07:00.000Z' stale='2026-03-14T15:17:00.000Z' how='h-e'><point lat='-12.046374' lon='-77.042793' hae='161.2' ce='9.9' le='9999999.0' /><detail><link uid='ANDROID-589520ccfcd20f01' type='a-f-G-U-C' relation='p-p'/><emergency cancel='true'>PATRULLA-1</emergency></detail></event>`;

/** ATAK polygon drawn on the map. */
export const ATAK_POLYGON = `<event version='2.0' uid='7d1c2b3a-0f9e-4d8c-b7a6-5f4e3d2c1b0a' type='u-d-f' time='2026-03-14T15:08:00.000Z' start='2026-03-14T15:08:00.000Z' stale='2026-03-15T15:08:00.000Z' how='h-e'><point lat='-12.05' lon='-77.04' hae='9999999.0' ce='9999999.0' le='9999999.0' /><detail><link point='-12.06,-77.05'/><link point='-12.06,-77.03'/><link point='-12.04,-77.03'/><link point='-12.06,-77.05'/><strokeColor value='-65536'/><strokeWeight value='4.0'/><fillColor value='1358888960'/><contact callsign='Zona de intervención'/><remarks></remarks><labels_on value='true'/><archive/></detail></event>`;

/** ATAK keep-alive ping. */
export const ATAK_PING = `<?xml version='1.0' encoding='UTF-8' standalone='yes'?>
<event version='2.0' uid='ANDROID-589520ccfcd20f01-ping' type='t-x-c-t' time='2026-03-14T15:09:00.000Z' start='2026-03-14T15:09:00.000Z' stale='2026-03-14T15:09:20.000Z' how='m-g'><point lat='0.0' lon='0.0' hae='0.0' ce='9999999.0' le='9999999.0' /><detail/></event>`;

/** Every sample, for tests that go over all of them. */
export const ALL_SAMPLES = {
  ATAK_PLI,
  ITAK_PLI,
  WINTAK_PLI,
  ATAK_CHAT,
  ATAK_EMERGENCY,
  ATAK_EMERGENCY_CANCEL,
  ATAK_POLYGON,
  ATAK_PING,
} as const;

/** Deterministic pseudo-random numbers for the mutation corpus. */
export function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

const PIECES = ['<', '>', '/', '"', "'", '=', '&', ';', ' ', 'a', '!', '?', '-', ']', '[', '<!--', '-->', '<![CDATA[', ']]>', '</a>', '<a>', '&amp;', '&#x41;'];

/** Applies one to three random edits (delete, insert or replace with a piece of XML syntax). */
export function mutate(xml: string, random: () => number): string {
  let out = xml;
  const edits = 1 + Math.floor(random() * 3);
  for (let j = 0; j < edits; j++) {
    const at = Math.floor(random() * out.length);
    const piece = PIECES[Math.floor(random() * PIECES.length)] ?? '';
    const op = random();
    if (op < 0.33) out = out.slice(0, at) + out.slice(at + 1);
    else if (op < 0.66) out = out.slice(0, at) + piece + out.slice(at);
    else out = out.slice(0, at) + piece + out.slice(at + 1);
  }
  return out;
}
