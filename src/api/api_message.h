/*
 * api_message.h - direct messages (issue 20): the handlers and field tables for the route
 * table, and the helpers their files share. The tables and rules are in src/message/msg.h.
 */
#ifndef ENT_API_MESSAGE_H
#define ENT_API_MESSAGE_H

#include "api/api.h"
#include "message/msg.h"

/* Body limit of POST .../messages: the largest ciphertext (a photo) in base64 and its keys. */
#define API_MESSAGE_BODY_MAX (MSG_BODY_B64_MAX + 16 * 1024)

/* api_conversation.c: opening and listing conversations, their settings, read marks */
extern const struct json_field api_conversation_create_fields[];
extern const struct json_field api_conversation_patch_fields[];
extern const struct json_field api_conversation_read_fields[];
enum ent_err api_conversation_create(struct api_req *q);
enum ent_err api_conversations_list(struct api_req *q);
enum ent_err api_conversation_get(struct api_req *q);
enum ent_err api_conversation_patch(struct api_req *q);
enum ent_err api_conversation_read(struct api_req *q);
enum ent_err api_messages_unread(struct api_req *q);

/* api_message.c: the messages of a conversation, and photos sanitized for them */
extern const struct json_field api_message_post_fields[];
enum ent_err api_messages_list(struct api_req *q);
enum ent_err api_message_post(struct api_req *q);
enum ent_err api_media_sanitize(struct api_req *q);

/* api_message_keys.c: public keys, the key backup, blocks */
extern const struct json_field api_keys_put_fields[];
extern const struct json_field api_key_backup_fields[];
enum ent_err api_keys_put(struct api_req *q);
enum ent_err api_keys_mine(struct api_req *q);
enum ent_err api_keys_get(struct api_req *q);
enum ent_err api_key_backup_put(struct api_req *q);
enum ent_err api_key_backup_get(struct api_req *q);
enum ent_err api_key_backup_delete(struct api_req *q);
enum ent_err api_blocks_list(struct api_req *q);
enum ent_err api_block_put(struct api_req *q);
enum ent_err api_block_delete(struct api_req *q);

/* api_message_report.c: reporting a conversation, the moderators' queue of those reports */
extern const struct json_field api_message_report_fields[];
extern const struct json_field api_message_report_resolve_fields[];
enum ent_err api_message_report(struct api_req *q);
enum ent_err api_moderation_message_reports(struct api_req *q);
enum ent_err api_moderation_message_report_resolve(struct api_req *q);

/* --- shared by these files --- */

/* Loads the account named by handle as a party of the pairing rule (roles read). */
enum ent_err api_msg_party(struct api_req *q, const char *handle, struct msg_party *out,
			   struct store_account *acc);
/* The caller as a party (roles of the session, age band read). */
enum ent_err api_msg_self(struct api_req *q, struct msg_party *out);
/* Checks that writer may write to other (pairing rule, ages, blocks, shared community for
 * 13-14); on a refusal, sends the 403 problem ("forbidden", or "messages-limited" for ages:
 * rule, reason, explanation; the institution's desk for R2) and sets *refused. caller: the
 * writer is the caller (else an age reason is told as "unreachable"). */
enum ent_err api_msg_may_write(struct api_req *q, const struct msg_party *writer,
			       const struct msg_party *other, bool caller, bool *refused);
/* The conversation JSON object: id, members (handle, public keys or null), disappear,
 * unread, last message id. */
enum ent_err api_msg_conv_json(struct api_req *q, const struct msg_conv *v, int64_t now,
			       struct buf *b);

#endif
