// Support for Postgres' internal one-byte `"char"` type (OID 18) in the
// adapter the schema engine uses.
//
// The engine describes a database by reading catalog columns such as
// pg_constraint.contype, which are "char", and it insists on getting them as
// its Character column type (on Postgres 18 it panics otherwise, as NOT NULL
// constraints now show up in that query). @prisma/adapter-pg 7.10 has no
// mapping for OID 18 at all and fails such queries with
// UnsupportedNativeDataType, which breaks every diff that needs a database.
//
// Fix, in two halves: CharColumnClient relabels "char" columns as text while
// pg builds the result (pg returns their values as one-character strings
// anyway) and tags their names; restoreCharColumns then reports the tagged
// columns to the engine as Character. Only the migration tooling uses this.
import { ColumnTypeEnum, type SqlResultSet } from '@prisma/driver-adapter-utils';
import pg from 'pg';

const CHAR_OID = 18;
const TEXT_OID = 25;
// Postgres identifiers cannot contain NUL, so the tag cannot clash with a real name.
const TAG = '\u0000char';

interface RowDescription {
  fields: { name: string; dataTypeID: number }[];
}
// pg's internal (but stable across 8.x) handler for the RowDescription message,
// which runs before pg picks value parsers and exposes result.fields.
type RowDescriptionHook = { _handleRowDescription(message: RowDescription): void };

export class CharColumnClient extends pg.Client {}

const base = pg.Client.prototype as unknown as RowDescriptionHook;
(CharColumnClient.prototype as unknown as RowDescriptionHook)._handleRowDescription = function (
  this: pg.Client,
  message: RowDescription,
) {
  for (const field of message.fields) {
    if (field.dataTypeID === CHAR_OID) {
      field.dataTypeID = TEXT_OID;
      field.name += TAG;
    }
  }
  base._handleRowDescription.call(this, message);
};

/** Undoes the tagging on a result from an adapter built on CharColumnClient. */
export function restoreCharColumns(result: SqlResultSet): SqlResultSet {
  if (!result.columnNames.some((name) => name.endsWith(TAG))) return result;
  return {
    ...result,
    columnNames: result.columnNames.map((name) =>
      name.endsWith(TAG) ? name.slice(0, -TAG.length) : name,
    ),
    columnTypes: result.columnTypes.map((type, i) =>
      result.columnNames[i]?.endsWith(TAG) ? ColumnTypeEnum.Character : type,
    ),
  };
}
