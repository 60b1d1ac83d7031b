-- 0203_desk_files: the file of a document delivered to a requester (issue 15: "document
-- available below" came with no document). One file per document message, sealed like the
-- messages (desk_seal: secretbox under the desk key); name and type are what the requester
-- downloads. Deleting the message, its request or the requester's account deletes the file.
CREATE TABLE desk_files (
	message_id INTEGER PRIMARY KEY REFERENCES desk_messages (id) ON DELETE CASCADE,
	name       TEXT NOT NULL,
	type       TEXT NOT NULL CHECK (type IN ('application/pdf', 'image/jpeg', 'image/png')),
	size       INTEGER NOT NULL,
	data_enc   BLOB NOT NULL
);
