/**
 * @enlace/cot: Cursor-on-Target codecs with no I/O. XML events, TAK Protocol v1 protobuf, stream framing for
 * the plain and negotiated TCP streams, and helpers for tracks, emergencies, GeoChat and drawings. The server owns
 * the sockets and feeds the decoders with the bytes it receives.
 */
export type * from './types.ts';
export { UNKNOWN_ERROR } from './types.ts';

export { parseEvent, parseMessage, parseAuth } from './parse-event.ts';
export type { ParseMessageResult } from './parse-event.ts';
export { serializeEvent } from './serialize-event.ts';
export { serializeDetailContent } from './detail-serialize.ts';
export type { SerializeOptions } from './serialize-event.ts';
export { parseCotTime, formatCotTime } from './time.ts';
export { buildEvent, findDetailElement, NULL_POINT } from './build-event.ts';
export type { BuildEventOptions } from './build-event.ts';
export type { XmlElement } from './xml-parse.ts';

export { CotStreamDecoder } from './cot-stream-decoder.ts';
export type { CotStreamItem, CotStreamOptions } from './cot-stream-decoder.ts';
export { TakStreamDecoder, encodeTakStreamFrame, encodeMeshPacket, decodeMeshPacket, encodeVarint, TAK_MAGIC } from './tak-stream.ts';
export type { TakStreamItem, TakStreamOptions } from './tak-stream.ts';
export { encodeTakMessage, decodeTakMessage } from './tak-message.ts';
export type { TakMessage, DecodeTakMessageResult } from './tak-message.ts';
export { TAK_PROTO } from './tak-proto-schema.ts';

export {
  buildProtocolOffer,
  buildProtocolRequest,
  buildProtocolResponse,
  readProtocolOffer,
  readProtocolRequest,
  readProtocolResponse,
  isPing,
  buildPing,
  buildPong,
  TAK_PROTOCOL_OFFER,
  TAK_PROTOCOL_REQUEST,
  TAK_PROTOCOL_RESPONSE,
  PING,
  PONG,
} from './negotiation.ts';
export type { ControlMessageOptions } from './negotiation.ts';

export { isTrackEvent, toTrack } from './tracks.ts';
export type { CotTrack } from './tracks.ts';
export { isEmergency, isEmergencyCancel, readEmergency, buildEmergency, EMERGENCY_TYPES, EMERGENCY_CANCEL } from './emergency.ts';
export type { Emergency } from './emergency.ts';
export {
  buildChatMessage,
  readChatMessage,
  buildChatReceipt,
  readChatReceipt,
  CHAT_MESSAGE,
  CHAT_DELIVERED,
  CHAT_READ,
  ALL_CHAT_ROOMS,
} from './chat.ts';
export type { ChatMessage, ChatParty, ChatReceipt } from './chat.ts';
export { buildPolygon, buildRectangle, readDrawing, argbFromHex, hexFromArgb } from './drawings.ts';
export type { Drawing, DrawingOptions, DrawingStyle, LatLon } from './drawings.ts';
