-- PostgreSQL's text of 0203_desk_files.sql (store_pg.c runs it instead): the same schema
-- with BIGINT for INTEGER (64 bits, as in SQLite), identity columns for the integer
-- primary keys SQLite numbers itself, and BYTEA for BLOB.
-- 0203_desk_files: the file of a document delivered to a requester (issue 15: "document
-- available below" came with no document). One file per document message, sealed like the
-- messages (desk_seal: secretbox under the desk key); name and type are what the requester
-- downloads. Deleting the message, its request or the requester's account deletes the file.
CREATE TABLE desk_files (
	message_id BIGINT PRIMARY KEY REFERENCES desk_messages (id) ON DELETE CASCADE,
	name       TEXT NOT NULL,
	type       TEXT NOT NULL CHECK (type IN ('application/pdf', 'image/jpeg', 'image/png')),
	size       BIGINT NOT NULL,
	data_enc   BYTEA NOT NULL
);
