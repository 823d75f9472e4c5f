-- ok: the down undoes the up exactly
ALTER TABLE orders DROP COLUMN note;
