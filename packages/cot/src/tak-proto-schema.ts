import protobuf from 'protobufjs';

/**
 * TAK Protocol version 1 messages (package atakmap.commoncommo.protobuf.v1), written from the field numbers of the
 * public takmessage, takcontrol, cotevent, detail, contact, group, precisionlocation, status, takv and track .proto
 * files, in one source so no file has to be read at run time. Field names keep the proto spelling (keepCase).
 */
export const TAK_PROTO = `
syntax = "proto3";
package atakmap.commoncommo.protobuf.v1;

message TakMessage {
  TakControl takControl = 1;
  CotEvent cotEvent = 2;
}

message TakControl {
  uint32 minProtoVersion = 1;
  uint32 maxProtoVersion = 2;
  string contactUid = 3;
}

message CotEvent {
  string type = 1;
  string access = 2;
  string qos = 3;
  string opex = 4;
  string uid = 5;
  uint64 sendTime = 6;
  uint64 startTime = 7;
  uint64 staleTime = 8;
  string how = 9;
  double lat = 10;
  double lon = 11;
  double hae = 12;
  double ce = 13;
  double le = 14;
  Detail detail = 15;
}

message Detail {
  string xmlDetail = 1;
  Contact contact = 2;
  Group group = 3;
  PrecisionLocation precisionLocation = 4;
  Status status = 5;
  Takv takv = 6;
  Track track = 7;
}

message Contact {
  string endpoint = 1;
  string callsign = 2;
}

message Group {
  string name = 1;
  string role = 2;
}

message PrecisionLocation {
  string geopointsrc = 1;
  string altsrc = 2;
}

message Status {
  uint32 battery = 1;
}

message Takv {
  string device = 1;
  string platform = 2;
  string os = 3;
  string version = 4;
}

message Track {
  double speed = 1;
  double course = 2;
}
`;

/** The TakMessage type, parsed once. */
export const TakMessageType = protobuf
  .parse(TAK_PROTO, { keepCase: true })
  .root.lookupType('atakmap.commoncommo.protobuf.v1.TakMessage');

/** Plain-object shapes of the messages above (what encode accepts and toObject returns). */
export interface PbContact {
  endpoint?: string;
  callsign?: string;
}
export interface PbGroup {
  name?: string;
  role?: string;
}
export interface PbPrecisionLocation {
  geopointsrc?: string;
  altsrc?: string;
}
export interface PbStatus {
  battery?: number;
}
export interface PbTakv {
  device?: string;
  platform?: string;
  os?: string;
  version?: string;
}
export interface PbTrack {
  speed?: number;
  course?: number;
}
export interface PbDetail {
  xmlDetail?: string;
  contact?: PbContact;
  group?: PbGroup;
  precisionLocation?: PbPrecisionLocation;
  status?: PbStatus;
  takv?: PbTakv;
  track?: PbTrack;
}
export interface PbCotEvent {
  type?: string;
  access?: string;
  qos?: string;
  opex?: string;
  uid?: string;
  sendTime?: number;
  startTime?: number;
  staleTime?: number;
  how?: string;
  lat?: number;
  lon?: number;
  hae?: number;
  ce?: number;
  le?: number;
  detail?: PbDetail;
}
export interface PbTakControl {
  minProtoVersion?: number;
  maxProtoVersion?: number;
  contactUid?: string;
}
export interface PbTakMessage {
  takControl?: PbTakControl;
  cotEvent?: PbCotEvent;
}

/** Encodes a TakMessage. */
export function encodePbTakMessage(message: PbTakMessage): Uint8Array {
  return TakMessageType.encode(TakMessageType.fromObject(message)).finish();
}

/**
 * Decodes a TakMessage into plain objects (uint64 as numbers). Throws on bytes that are not a TakMessage. The
 * shape is trusted only as far as protobuf guarantees types per field: every field is optional.
 */
export function decodePbTakMessage(bytes: Uint8Array): PbTakMessage {
  const plain: unknown = TakMessageType.toObject(TakMessageType.decode(bytes), { longs: Number, defaults: false });
  return plain as PbTakMessage;
}
