// Prelude of the Migration Guardian sandbox. It runs in a fresh goja runtime
// before the bundled user code and defines the recording stand-ins for the
// packages a Sequelize code base requires. Everything the stubs learn leaves
// through __host.record(kind, payload); payloads are plain data.
(function (G) {
  'use strict';
  const host = G.__host;
  delete G.__host;

  const TYPE = Symbol('guardian.type');
  const SQ = Symbol('guardian.sequelizeMethod');
  const TX = Symbol('guardian.transaction');
  const MODEL = Symbol('guardian.model');
  const META = Symbol('guardian.meta');
  const EXTRA = Symbol('guardian.extra');

  const isObj = (v) => v !== null && typeof v === 'object';
  const isPlain = (v) => {
    if (!isObj(v)) return false;
    const p = Object.getPrototypeOf(v);
    return p === null || p === Object.prototype;
  };
  const str = (v) => (typeof v === 'string' ? v : undefined);
  function safeString(v) {
    try {
      if (typeof v === 'function') return 'function ' + (v.name || '');
      if (typeof v === 'symbol') return v.toString();
      return String(v);
    } catch (e) {
      return '<value>';
    }
  }

  // ---- inert stand-in: absorbs any use -------------------------------
  function inert(label) {
    const target = function () {};
    return new Proxy(target, {
      get(t, k) {
        if (k === 'then' || k === '__esModule' || k === 'prototype') return undefined;
        if (k === Symbol.toPrimitive) return () => '';
        if (k === Symbol.iterator) return function* () {};
        if (k === 'toString' || k === 'valueOf') return () => '';
        if (k === 'default') return inert(label);
        if (typeof k === 'symbol') return undefined;
        return inert(label + '.' + k);
      },
      set() { return true; },
      has() { return false; },
      apply() { return inert(label + '()'); },
      construct() { return inert('new ' + label); },
      defineProperty() { return true; },
      deleteProperty() { return true; },
      getPrototypeOf() { return Object.prototype; },
    });
  }

  // ---- data types -----------------------------------------------------
  const TypeBase = {};
  TypeBase[TYPE] = true;
  TypeBase.toString = function () { return this.key; };
  TypeBase.toSql = function () { return this.key; };
  for (const m of ['UNSIGNED', 'ZEROFILL', 'BINARY']) {
    Object.defineProperty(TypeBase, m, {
      get() {
        const c = Object.create(Object.getPrototypeOf(this));
        c.key = this.key;
        c.options = Object.assign({}, this.options);
        c.options[m.toLowerCase()] = true;
        return c;
      },
    });
  }
  const num = (v) => (typeof v === 'number' ? v : typeof v === 'string' && v !== '' && !isNaN(+v) ? +v : undefined);
  const argParsers = {
    len(args) {
      if (isPlain(args[0])) return { length: args[0].length, binary: args[0].binary, unsigned: args[0].unsigned, zerofill: args[0].zerofill };
      return { length: args[0], binary: args[1] };
    },
    dec(args) {
      if (isPlain(args[0])) return { length: args[0].length, decimals: args[0].decimals, precision: args[0].precision, scale: args[0].scale, unsigned: args[0].unsigned, zerofill: args[0].zerofill };
      return { length: args[0], decimals: args[1], precision: args[0], scale: args[1] };
    },
    enum(args) {
      let values = args;
      if (args.length === 1 && Array.isArray(args[0])) values = args[0];
      else if (args.length === 1 && isPlain(args[0])) values = args[0].values || [];
      return { values: Array.from(values || [], (v) => safeString(v)) };
    },
    geo(args) {
      if (isPlain(args[0])) return { geo: args[0].type, srid: args[0].srid };
      return { geo: args[0], srid: args[1] };
    },
    none() { return {}; },
  };
  // Static modifiers (DataTypes.INTEGER.UNSIGNED) live on one shared
  // prototype of the type functions, so a type costs one closure.
  const TypeStatics = Object.create(Function.prototype);
  for (const m of ['UNSIGNED', 'ZEROFILL', 'BINARY']) {
    Object.defineProperty(TypeStatics, m, { get() { return this()[m]; } });
  }
  TypeStatics.toString = function () { return this.key; };
  function makeType(T, key, parse, args) {
    const o = Object.create(T.prototype);
    o.key = key;
    const raw = argParsers[parse](args);
    o.options = {};
    for (const k of Object.keys(raw)) {
      const v = raw[k];
      if (v === undefined || v === null) continue;
      if (k === 'values') o.options.values = v;
      else if (k === 'length' && typeof v === 'string' && isNaN(+v)) o.options.variant = v.toLowerCase();
      else if (k === 'geo') o.options.geo = safeString(v);
      else if (typeof v === 'boolean') o.options[k] = v;
      else if (num(v) !== undefined) o.options[k] = num(v);
    }
    return o;
  }
  function typeClass(key, parse) {
    const T = function () { return makeType(T, key, parse, Array.from(arguments)); };
    Object.setPrototypeOf(T, TypeStatics);
    T.prototype = Object.create(TypeBase);
    T.key = key;
    T[TYPE] = true;
    return T;
  }
  const typeSpecs = {
    STRING: 'len', CHAR: 'len', TEXT: 'len', CITEXT: 'none', TSVECTOR: 'none',
    TINYINT: 'len', SMALLINT: 'len', MEDIUMINT: 'len', INTEGER: 'len', BIGINT: 'len',
    FLOAT: 'dec', DOUBLE: 'dec', REAL: 'dec', DECIMAL: 'dec', NUMBER: 'dec',
    BOOLEAN: 'none', DATE: 'len', DATEONLY: 'none', TIME: 'none', NOW: 'none',
    UUID: 'none', UUIDV1: 'none', UUIDV4: 'none', ENUM: 'enum', JSON: 'none', JSONB: 'none',
    BLOB: 'len', VIRTUAL: 'none', GEOMETRY: 'geo', GEOGRAPHY: 'geo', HSTORE: 'none',
    ARRAY: 'none', RANGE: 'none', INET: 'none', CIDR: 'none', MACADDR: 'none', ABSTRACT: 'none',
    'DOUBLE PRECISION': 'dec',
  };
  const isTypeKey = (k) => typeof k === 'string' && Object.prototype.hasOwnProperty.call(typeSpecs, k);
  // Types are created on first use: most files touch a handful.
  const typeCache = {};
  function getType(k) {
    if (k === 'DOUBLE PRECISION') k = 'DOUBLE';
    return typeCache[k] || (typeCache[k] = typeClass(k, typeSpecs[k]));
  }
  const DataTypes = new Proxy(typeCache, {
    get(t, k) { return isTypeKey(k) ? getType(k) : t[k]; },
    has(t, k) { return isTypeKey(k) || k in t; },
    ownKeys() { return Object.keys(typeSpecs).filter((k) => k !== 'DOUBLE PRECISION'); },
    getOwnPropertyDescriptor(t, k) { return isTypeKey(k) ? { value: getType(k), enumerable: true, configurable: true, writable: true } : undefined; },
  });

  function typeDesc(t) {
    if (t === undefined || t === null) return null;
    if (typeof t === 'function' && t[TYPE]) t = t();
    if (isObj(t) && t[TYPE]) return { key: t.key, options: Object.assign({}, t.options) };
    if (typeof t === 'string') return { key: 'RAW', options: { sql: t } };
    return { key: 'UNKNOWN', options: { text: safeString(t) } };
  }

  // ---- sequelize methods: literal, fn, col, where ---------------------
  function sqm(kind, props) { const o = Object.assign({}, props); o[SQ] = kind; return o; }
  const literal = (v) => sqm('literal', { val: v });
  const fn = (name, ...args) => sqm('fn', { fn: name, args });
  const col = (name) => sqm('col', { col: name });
  const cast = (v, type) => sqm('cast', { val: v, type });
  const where = (a, b, c) => sqm('where', { attribute: a, comparator: b, logic: c });
  function renderSQ(v) {
    if (v === null) return 'NULL';
    if (v === undefined) return '';
    if (isObj(v) && v[SQ] === 'literal') return safeString(v.val);
    if (isObj(v) && v[SQ] === 'col') return '`' + safeString(v.col) + '`';
    if (isObj(v) && v[SQ] === 'fn') return safeString(v.fn) + '(' + v.args.map(renderValue).join(', ') + ')';
    if (isObj(v) && v[SQ] === 'cast') return 'CAST(' + renderValue(v.val) + ' AS ' + safeString(v.type).toUpperCase() + ')';
    return renderValue(v);
  }
  function renderValue(v) {
    if (v === null || v === undefined) return 'NULL';
    if (isObj(v) && v[SQ]) return renderSQ(v);
    if (typeof v === 'string') return "'" + v.replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'";
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'number' || typeof v === 'bigint') return String(v);
    if (v instanceof Date) return "'" + fmtDate(v) + "'";
    if (Array.isArray(v)) return '(' + v.map(renderValue).join(', ') + ')';
    if (typeof v === 'function' && v[TYPE]) return v.key;
    if (isObj(v) && v[TYPE]) return v.key;
    try { return "'" + JSON.stringify(v) + "'"; } catch (e) { return "'" + safeString(v) + "'"; }
  }
  function pad(n, w) { let s = String(n); while (s.length < (w || 2)) s = '0' + s; return s; }
  function fmtDate(d) {
    if (isNaN(d.getTime())) return 'Invalid date';
    return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) + ' ' + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) + ':' + pad(d.getUTCSeconds());
  }

  // Op: the operators of Sequelize v6 (symbols), with a WHERE renderer.
  const opNames = ['eq', 'ne', 'gte', 'gt', 'lte', 'lt', 'not', 'is', 'in', 'notIn', 'like', 'notLike', 'iLike', 'notILike', 'startsWith', 'endsWith', 'substring', 'regexp', 'notRegexp', 'iRegexp', 'notIRegexp', 'between', 'notBetween', 'overlap', 'contains', 'contained', 'adjacent', 'strictLeft', 'strictRight', 'noExtendRight', 'noExtendLeft', 'and', 'or', 'any', 'all', 'values', 'col', 'placeholder', 'join', 'match', 'anyKeyExists', 'allKeysExist'];
  const Op = {};
  for (const n of opNames) Op[n] = Symbol.for(n);
  const opSQL = { eq: '=', ne: '!=', gte: '>=', gt: '>', lte: '<=', lt: '<', is: 'IS', not: 'IS NOT', in: 'IN', notIn: 'NOT IN', like: 'LIKE', notLike: 'NOT LIKE', startsWith: 'LIKE', endsWith: 'LIKE', substring: 'LIKE', regexp: 'REGEXP', notRegexp: 'NOT REGEXP', between: 'BETWEEN', notBetween: 'NOT BETWEEN' };
  function symName(s) { const d = Symbol.keyFor(s); return d === undefined ? safeString(s) : d; }
  function whereText(w, depth) {
    depth = depth || 0;
    if (depth > 20) return '...';
    if (w === undefined || w === null) return '';
    if (typeof w === 'string') return w;
    if (isObj(w) && w[SQ]) {
      if (w[SQ] === 'where') return renderSQ(w.attribute) + ' ' + safeString(w.comparator) + ' ' + renderValue(w.logic);
      return renderSQ(w);
    }
    if (Array.isArray(w)) return w.map((x) => whereText(x, depth + 1)).filter(Boolean).join(' AND ');
    if (!isObj(w)) return renderValue(w);
    const parts = [];
    for (const k of Object.keys(w)) parts.push(condText('`' + k + '`', w[k], depth + 1));
    for (const s of Object.getOwnPropertySymbols(w)) {
      const n = symName(s);
      if (n === 'and' || n === 'or') {
        const sub = Array.isArray(w[s]) ? w[s] : Object.keys(w[s] || {}).map((k) => ({ [k]: w[s][k] }));
        const inner = sub.map((x) => whereText(x, depth + 1)).filter(Boolean);
        if (inner.length) parts.push('(' + inner.join(n === 'and' ? ' AND ' : ' OR ') + ')');
      } else if (n === 'not') {
        parts.push('NOT (' + whereText(w[s], depth + 1) + ')');
      }
    }
    return parts.filter(Boolean).join(' AND ');
  }
  function condText(lhs, v, depth) {
    if (v === null) return lhs + ' IS NULL';
    if (Array.isArray(v)) return lhs + ' IN ' + renderValue(v);
    if (isPlain(v)) {
      const syms = Object.getOwnPropertySymbols(v);
      if (syms.length) {
        return syms.map((s) => {
          const n = symName(s);
          if (n === 'and' || n === 'or') {
            const sub = Array.isArray(v[s]) ? v[s] : [v[s]];
            return '(' + sub.map((x) => condText(lhs, x, depth + 1)).join(n === 'and' ? ' AND ' : ' OR ') + ')';
          }
          if (n === 'between' || n === 'notBetween') {
            const b = Array.isArray(v[s]) ? v[s] : [];
            return lhs + ' ' + opSQL[n] + ' ' + renderValue(b[0]) + ' AND ' + renderValue(b[1]);
          }
          if ((n === 'ne' || n === 'not' || n === 'is') && v[s] === null) return lhs + (n === 'is' ? ' IS NULL' : ' IS NOT NULL');
          return lhs + ' ' + (opSQL[n] || n.toUpperCase()) + ' ' + renderValue(v[s]);
        }).join(' AND ');
      }
      return whereText(v, depth + 1);
    }
    return lhs + ' = ' + renderValue(v);
  }

  // ---- defaults and attributes -----------------------------------------
  function defaultDesc(v) {
    if (v === undefined) return undefined;
    if (v === null) return { kind: 'null' };
    const t = (typeof v === 'function' && v[TYPE]) ? v.key : (isObj(v) && v[TYPE]) ? v.key : undefined;
    if (t === 'NOW') return { kind: 'now' };
    if (t === 'UUIDV1' || t === 'UUIDV4') return { kind: 'uuid', value: t };
    if (t !== undefined) return { kind: 'js', value: t };
    if (isObj(v) && v[SQ] === 'literal') return { kind: 'literal', value: safeString(v.val) };
    if (isObj(v) && v[SQ]) return { kind: 'fn', value: renderSQ(v) };
    if (typeof v === 'boolean') return { kind: 'bool', value: v ? '1' : '0' };
    if (typeof v === 'number' || typeof v === 'bigint') return { kind: 'number', value: String(v) };
    if (typeof v === 'string') return { kind: 'string', value: v };
    if (v instanceof Date) return { kind: 'string', value: fmtDate(v) };
    if (typeof v === 'function') return { kind: 'js', value: safeString(v) };
    try { return { kind: 'string', value: JSON.stringify(v) }; } catch (e) { return { kind: 'js', value: safeString(v) }; }
  }
  function tableOf(t) {
    if (typeof t === 'string') return t;
    if (typeof t === 'function' && t[MODEL]) return t.getTableName();
    if (isObj(t) && typeof t.tableName === 'string') return t.tableName;
    return undefined;
  }
  function refDesc(r) {
    if (r === undefined || r === null) return undefined;
    if (typeof r === 'string') return { table: r, key: 'id' };
    if (!isObj(r)) return { table: undefined, key: undefined, text: safeString(r) };
    const target = r.model !== undefined ? r.model : r.table;
    let table = tableOf(target);
    return { table, key: str(r.key) || 'id', explicitKey: str(r.key) !== undefined, text: table === undefined ? safeString(target) : undefined };
  }
  function validators(v) {
    if (!isObj(v)) return [];
    return Object.keys(v);
  }
  function attrDesc(name, a) {
    if (!isPlain(a)) a = { type: a };
    const own = (k) => Object.prototype.hasOwnProperty.call(a, k);
    const d = {
      name: String(name),
      field: str(a.field),
      type: typeDesc(a.type),
      allowNull: typeof a.allowNull === 'boolean' ? a.allowNull : undefined,
      primaryKey: !!a.primaryKey,
      autoIncrement: !!a.autoIncrement,
      uniqueTrue: a.unique === true,
      uniqueName: typeof a.unique === 'string' ? a.unique : (isObj(a.unique) && typeof a.unique.name === 'string' ? a.unique.name : undefined),
      unique: !!a.unique,
      comment: str(a.comment),
      first: !!a.first,
      after: str(a.after),
      onDelete: str(a.onDelete),
      onUpdate: str(a.onUpdate),
      hasDefault: own('defaultValue'),
      default: own('defaultValue') ? defaultDesc(a.defaultValue) : undefined,
      references: refDesc(a.references),
      values: Array.isArray(a.values) ? a.values.map(safeString) : undefined,
      validate: validators(a.validate),
      constraints: a.constraints !== false,
    };
    if (d.type && d.type.key === 'ENUM' && d.values) d.type.options.values = d.values;
    return d;
  }
  function attrsDesc(attrs) {
    const out = [];
    if (!isObj(attrs)) return out;
    for (const k of Object.keys(attrs)) out.push(attrDesc(k, attrs[k]));
    return out;
  }
  function fieldName(f) {
    if (typeof f === 'string') return { column: f };
    if (isObj(f) && f[SQ]) return { expr: renderSQ(f) };
    if (isObj(f)) return { column: str(f.name) || str(f.attribute), length: num(f.length), order: str(f.order), collate: str(f.collate) };
    return { bad: safeString(f) };
  }

  // ---- recording -------------------------------------------------------
  let txDepth = 0;
  let txOpen = 0;
  function inTx(opts) {
    if (txDepth > 0 || txOpen > 0) return true;
    return isObj(opts) && isObj(opts.transaction) && !!opts.transaction[TX];
  }
  function rec(method, payload, opts) {
    payload.method = method;
    payload.inTx = inTx(opts);
    host.record('op', payload);
  }
  const done = (v) => Promise.resolve(v);

  // State answers (dynamic mode): Go provides them through host.state*.
  function describe(table) {
    host.readState('describeTable');
    return host.describeTable(table);
  }

  function makeTransaction() {
    const t = {
      commit() { if (t.open) { t.open = false; txOpen--; } return done(); },
      rollback() { if (t.open) { t.open = false; txOpen--; } return done(); },
      afterCommit() {},
      LOCK: {},
      id: 'guardian-tx',
      open: true,
    };
    t[TX] = true;
    return t;
  }

  function makeSequelize(qiHolder) {
    const s = {
      options: { dialect: 'mysql' },
      config: { database: 'database' },
      models: {},
      getDialect() { return 'mysql'; },
      getQueryInterface() { return qiHolder.qi; },
      query(sql, opts) {
        const text = typeof sql === 'string' ? sql : isObj(sql) && typeof sql.query === 'string' ? sql.query : undefined;
        rec('query', { sql: text, text: text === undefined ? safeString(sql) : undefined }, opts);
        const select = isObj(opts) && opts.type === 'SELECT';
        return done(select ? [] : [[], {}]);
      },
      transaction(a, b) {
        const cb = typeof a === 'function' ? a : typeof b === 'function' ? b : undefined;
        const t = makeTransaction();
        if (!cb) { txOpen++; return done(t); }
        t.open = false;
        txDepth++;
        let r;
        try {
          r = cb(t);
        } catch (e) {
          txDepth--;
          return Promise.reject(e);
        }
        return Promise.resolve(r).then((v) => { txDepth--; return v; }, (e) => { txDepth--; throw e; });
      },
      authenticate() { return done(); },
      close() { return done(); },
      sync(o) { host.record('note', { what: 'sync' }); return done(s); },
      drop() { return done(); },
      literal, fn, col, cast, where,
      define(name, attrs, opts) { return defineModel(String(name), attrs, Object.assign({}, opts || {}, { sequelize: s }), 'define'); },
      model(name) { return registry[name] || placeholderModel(String(name)); },
      isDefined(name) { return !!registry[name]; },
      addModels(list) { if (Array.isArray(list)) for (const m of list) if (typeof m === 'function' && m[MODEL]) finishDecorated(m); },
      escape: renderValue,
      random() { return fn('RAND'); },
      set() {},
    };
    Object.defineProperty(s, 'queryInterface', { get() { return qiHolder.qi; } });
    return s;
  }

  function makeQueryInterface(info) {
    const holder = {};
    const seq = makeSequelize(holder);
    const qi = {
      sequelize: seq,
      context: undefined,
      name: info.name,
      path: info.path,
      createTable(table, attrs, opts) {
        rec('createTable', { table: tableOf(table), tableText: safeString(table), attrs: attrsDesc(attrs), options: tableOptions(opts) }, opts);
        return done();
      },
      dropTable(table, opts) { rec('dropTable', { table: tableOf(table), tableText: safeString(table) }, opts); return done(); },
      dropAllTables(opts) {
        host.readState('dropAllTables');
        rec('dropAllTables', { skip: isObj(opts) && Array.isArray(opts.skip) ? opts.skip.map(safeString) : [] }, opts);
        return done();
      },
      renameTable(a, b, opts) { rec('renameTable', { table: tableOf(a), tableText: safeString(a), to: tableOf(b), toText: safeString(b) }, opts); return done(); },
      addColumn(table, name, attr, opts) {
        rec('addColumn', { table: tableOf(table), tableText: safeString(table), column: str(name), columnText: safeString(name), attr: attr === undefined ? undefined : attrDesc(String(name), attr) }, opts);
        return done();
      },
      removeColumn(table, name, opts) {
        host.readState('removeColumn', tableOf(table) || '', typeof name === 'string' ? name : '');
        rec('removeColumn', { table: tableOf(table), tableText: safeString(table), column: str(name), columnText: safeString(name) }, opts);
        return done();
      },
      changeColumn(table, name, attr, opts) {
        rec('changeColumn', { table: tableOf(table), tableText: safeString(table), column: str(name), columnText: safeString(name), attr: attr === undefined ? undefined : attrDesc(String(name), attr) }, opts);
        return done();
      },
      renameColumn(table, from, to, opts) {
        host.readState('renameColumn');
        rec('renameColumn', { table: tableOf(table), tableText: safeString(table), column: str(from), columnText: safeString(from), to: str(to), toText: safeString(to) }, opts);
        return done();
      },
      addIndex(table, fields, opts, raw) {
        if (!Array.isArray(fields)) { raw = opts; opts = fields; fields = isObj(opts) ? opts.fields : undefined; }
        const o = isObj(opts) ? opts : {};
        rec('addIndex', {
          table: tableOf(table), tableText: safeString(table), prefix: typeof raw === 'string' ? raw : undefined,
          fields: Array.isArray(fields) ? fields.map(fieldName) : undefined,
          name: str(o.name), hasName: Object.prototype.hasOwnProperty.call(o, 'name'), unique: !!o.unique, type: str(o.type) || str(o.indicesType), using: str(o.using),
        }, o);
        return done();
      },
      removeIndex(table, nameOrFields, opts) {
        rec('removeIndex', { table: tableOf(table), tableText: safeString(table), name: str(nameOrFields), fields: Array.isArray(nameOrFields) ? nameOrFields.map(fieldName) : undefined, nameText: safeString(nameOrFields) }, opts);
        return done();
      },
      addConstraint(table, a, b) {
        let o = a;
        if (Array.isArray(a)) o = Object.assign({}, b || {}, { fields: a });
        o = isObj(o) ? o : {};
        const refs = isObj(o.references) ? o.references : {};
        rec('addConstraint', {
          table: tableOf(table), tableText: safeString(table), type: str(o.type), name: str(o.name),
          fields: Array.isArray(o.fields) ? o.fields.map(fieldName) : undefined,
          refTable: tableOf(refs.table !== undefined ? refs.table : refs.model), refText: safeString(refs.table),
          refFields: refs.field !== undefined ? [safeString(refs.field)] : Array.isArray(refs.fields) ? refs.fields.map(safeString) : undefined,
          onDelete: str(o.onDelete), onUpdate: str(o.onUpdate),
          where: o.where !== undefined ? whereText(o.where) : undefined,
          hasDefault: Object.prototype.hasOwnProperty.call(o, 'defaultValue'),
        }, o);
        return done();
      },
      removeConstraint(table, name, opts) {
        host.readState('removeConstraint');
        rec('removeConstraint', { table: tableOf(table), tableText: safeString(table), name: str(name), nameText: safeString(name) }, opts);
        return done();
      },
      bulkInsert(table, records, opts) {
        const rows = Array.isArray(records) ? records : [];
        const cols = [];
        for (const r of rows) if (isObj(r)) for (const k of Object.keys(r)) if (!cols.includes(k)) cols.push(k);
        rec('bulkInsert', { table: tableOf(table), tableText: safeString(table), columns: cols, rows: rows.length, recordsOK: Array.isArray(records) }, opts);
        return done(rows.length);
      },
      insert(instance, table, values, opts) {
        rec('insert', { table: tableOf(table), tableText: safeString(table), columns: isObj(values) ? Object.keys(values) : [], rows: 1, recordsOK: true }, opts);
        return done([]);
      },
      upsert(table, insertValues, updateValues, where, opts) {
        rec('upsert', { table: tableOf(table), tableText: safeString(table), columns: isObj(insertValues) ? Object.keys(insertValues) : [], rows: 1, recordsOK: true }, opts);
        return done([]);
      },
      bulkUpdate(table, values, where, opts) {
        rec('bulkUpdate', { table: tableOf(table), tableText: safeString(table), columns: isObj(values) ? Object.keys(values) : [], where: whereText(where), limit: isObj(opts) && opts.limit != null }, opts);
        return done([0]);
      },
      update(instance, table, values, where, opts) {
        rec('update', { table: tableOf(table), tableText: safeString(table), columns: isObj(values) ? Object.keys(values) : [], where: whereText(where), limit: isObj(opts) && opts.limit != null }, opts);
        return done([0]);
      },
      bulkDelete(table, where, opts) {
        rec('bulkDelete', { table: tableOf(table), tableText: safeString(table), where: whereText(where), limit: isObj(opts) && opts.limit != null }, opts);
        return done(0);
      },
      delete(instance, table, where, opts) {
        rec('delete', { table: tableOf(table), tableText: safeString(table), where: whereText(where), limit: isObj(opts) && opts.limit != null }, opts);
        return done(0);
      },
      describeTable(table) {
        return done(describe(tableOf(table) || safeString(table)));
      },
      showIndex(table) {
        host.readState('showIndex');
        return done(host.showIndex(tableOf(table) || safeString(table)));
      },
      getForeignKeyReferencesForTable(table) {
        host.readState('getForeignKeyReferencesForTable');
        return done(host.foreignKeys(tableOf(table) || safeString(table)));
      },
      getForeignKeysForTables(tables) {
        host.readState('getForeignKeysForTables');
        const out = {};
        for (const t of Array.isArray(tables) ? tables : []) {
          const n = tableOf(t) || safeString(t);
          out[n] = host.foreignKeys(n).map((r) => r.constraintName);
        }
        return done(out);
      },
      showAllTables() { host.readState('showAllTables'); return done(host.allTables()); },
      tableExists(table) { host.readState('tableExists'); return done(host.allTables().includes(tableOf(table) || safeString(table))); },
      showAllSchemas() { return done([]); },
      databaseVersion() { return done('8.0.36'); },
      quoteIdentifier(s) { return '`' + safeString(s) + '`'; },
      quoteTable(s) { return '`' + safeString(tableOf(s) || s) + '`'; },
      queryGenerator: inert('queryInterface.queryGenerator'),
      rawSelect() { return done(null); },
      select() { return done([]); },
    };
    qi.context = qi;
    const proxy = new Proxy(qi, {
      get(t, k) {
        if (k in t) return t[k];
        if (typeof k === 'symbol' || k === 'then' || k === 'toJSON' || k === 'constructor') return undefined;
        return function () {
          host.record('op', { method: 'unknown', name: String(k), inTx: inTx() });
          return done();
        };
      },
    });
    holder.qi = proxy;
    qi.context = proxy;
    return proxy;
  }
  function tableOptions(o) {
    if (!isObj(o)) return {};
    const uk = [];
    if (isObj(o.uniqueKeys)) {
      for (const k of Object.keys(o.uniqueKeys)) {
        const u = o.uniqueKeys[k];
        if (isObj(u) && Array.isArray(u.fields) && u.customIndex !== false) uk.push({ name: k, fields: u.fields.map(safeString) });
      }
    }
    return { engine: str(o.engine), charset: str(o.charset), collate: str(o.collate), comment: str(o.comment), rowFormat: str(o.rowFormat), uniqueKeys: uk };
  }

  // ---- models ------------------------------------------------------------
  const registry = {};
  const defined = [];
  function placeholderModel(name) {
    const P = function () {};
    P[MODEL] = true;
    P.modelName = name;
    P.placeholder = true;
    P.getTableName = () => name;
    P.tableName = name;
    // Associations declared on a model of another file still count.
    for (const kind of ['belongsTo', 'hasOne', 'hasMany', 'belongsToMany']) {
      P[kind] = (t, o) => { recordAssoc(kind, P, t, o); return {}; };
    }
    return P;
  }
  function modelNameOf(m) {
    if (typeof m === 'string') return m;
    if (typeof m === 'function' && m[MODEL]) return m[META] ? m[META].name : m.modelName || m.name;
    if (typeof m === 'function') return m.name;
    return undefined;
  }
  function assocOpts(o) {
    o = isObj(o) ? o : {};
    let fk = o.foreignKey;
    let fkAttr;
    if (isObj(fk)) { fkAttr = fk; fk = str(fk.name) || str(fk.fieldName); }
    return {
      as: typeof o.as === 'string' ? o.as : isObj(o.as) ? str(o.as.singular) || str(o.as.plural) : undefined,
      foreignKey: str(fk),
      through: typeof o.through === 'string' ? o.through : modelNameOf(isObj(o.through) && !o.through[MODEL] ? o.through.model : o.through),
      onDelete: str(o.onDelete) || (fkAttr && str(fkAttr.onDelete)),
      onUpdate: str(o.onUpdate) || (fkAttr && str(fkAttr.onUpdate)),
      constraints: o.constraints !== false,
      targetKey: str(o.targetKey),
      sourceKey: str(o.sourceKey),
    };
  }
  function recordAssoc(kind, source, target, opts) {
    host.record('assoc', Object.assign({ kind, source: modelNameOf(source), target: modelNameOf(target), targetText: safeString(target) }, assocOpts(opts)));
  }

  let ModelCls;
  function getModel() {
    if (ModelCls) return ModelCls;
  class Model {
    static init(attrs, opts) {
      opts = isObj(opts) ? opts : {};
      return defineModel(str(opts.modelName) || this.name, attrs, opts, 'init', this);
    }
    static belongsTo(t, o) { recordAssoc('belongsTo', this, t, o); return {}; }
    static hasOne(t, o) { recordAssoc('hasOne', this, t, o); return {}; }
    static hasMany(t, o) { recordAssoc('hasMany', this, t, o); return {}; }
    static belongsToMany(t, o) { recordAssoc('belongsToMany', this, t, o); return {}; }
    static getTableName() { return this[META] ? this[META].table : this.name; }
    static addHook() {}
    static addScope() {}
    static beforeCreate() {}
    static afterCreate() {}
    static beforeUpdate() {}
    static beforeSave() {}
    static afterSave() {}
    static beforeDestroy() {}
    static beforeBulkCreate() {}
    static sync() { return done(this); }
    static findAll() { return done([]); }
    static findOne() { return done(null); }
    static findByPk() { return done(null); }
    static count() { return done(0); }
    static create() { return done({}); }
    static bulkCreate() { return done([]); }
    static update() { return done([0]); }
    static destroy() { return done(0); }
    static scope() { return this; }
    static unscoped() { return this; }
    get(k) { return k === undefined ? {} : this[k]; }
    set() {}
    save() { return done(this); }
    toJSON() { return {}; }
  }
  Model[MODEL] = true;
    ModelCls = Model;
    return Model;
  }

  function defineModel(name, attrs, opts, how, cls) {
    let M = cls;
    if (!M) {
      M = class extends getModel() {};
      Object.defineProperty(M, 'name', { value: name });
    }
    const meta = { name, options: opts };
    M[META] = meta;
    const o = isObj(opts) ? opts : {};
    const payload = {
      how, name,
      attrs: attrsDesc(attrs),
      tableName: str(o.tableName),
      freezeTableName: !!o.freezeTableName || !!(o.sequelize && o.sequelize.options && o.sequelize.options.define && o.sequelize.options.define.freezeTableName),
      underscored: o.underscored !== undefined ? !!o.underscored : !!(o.sequelize && o.sequelize.options && o.sequelize.options.define && o.sequelize.options.define.underscored),
      timestamps: o.timestamps !== undefined ? o.timestamps !== false : true,
      paranoid: !!o.paranoid,
      createdAt: o.createdAt === false ? false : str(o.createdAt),
      updatedAt: o.updatedAt === false ? false : str(o.updatedAt),
      deletedAt: o.deletedAt === false ? false : str(o.deletedAt),
      singular: isObj(o.name) ? str(o.name.singular) : undefined,
      plural: isObj(o.name) ? str(o.name.plural) : undefined,
      indexes: Array.isArray(o.indexes) ? o.indexes.map((ix) => ({
        name: isObj(ix) ? str(ix.name) : undefined,
        fields: isObj(ix) && Array.isArray(ix.fields) ? ix.fields.map(fieldName) : [],
        unique: isObj(ix) && !!ix.unique,
        type: isObj(ix) ? str(ix.type) : undefined,
      })) : [],
      decorated: how === 'decorator',
      extra: M[EXTRA],
    };
    meta.table = host.record('model', payload) || name;
    registry[name] = M;
    if (!defined.includes(M)) defined.push(M);
    return M;
  }

  // ---- sequelize-typescript decorators ---------------------------------
  const propMeta = new WeakMap(); // prototype -> { attrs: {name: {...}}, order: [] }
  function propsOf(proto) {
    let m = propMeta.get(proto);
    if (!m) { m = { attrs: {}, order: [] }; propMeta.set(proto, m); }
    return m;
  }
  function attrOf(proto, key) {
    const m = propsOf(proto);
    if (!m.attrs[key]) { m.attrs[key] = {}; m.order.push(key); }
    return m.attrs[key];
  }
  const isDecoratorTarget = (args) => args.length >= 2 && (isObj(args[0]) || typeof args[0] === 'function') && (typeof args[1] === 'string' || typeof args[1] === 'symbol');
  // propDecorator builds a decorator usable bare (@X) or with arguments (@X(...)).
  function propDecorator(apply) {
    return function () {
      const args = Array.from(arguments);
      if (isDecoratorTarget(args)) { apply(args[0], String(args[1]), []); return; }
      return function (target, key) { apply(target, String(key), args); };
    };
  }
  function mark(target, key) {
    const a = attrOf(target, key);
    if (a.__line === undefined) a.__line = host.line();
    return a;
  }
  const Column = propDecorator((target, key, args) => {
    const a = mark(target, key);
    a.__column = true;
    const x = args[0];
    if (x !== undefined) {
      if ((typeof x === 'function' && x[TYPE]) || (isObj(x) && x[TYPE])) a.type = x;
      else if (isPlain(x)) Object.assign(a, x);
    }
  });
  const flag = (k, v) => propDecorator((t, key, args) => { const a = mark(t, key); a[k] = args.length ? args[0] : v; });
  const PrimaryKey = flag('primaryKey', true);
  const AutoIncrement = flag('autoIncrement', true);
  const AllowNull = flag('allowNull', true);
  const Unique = propDecorator((t, key, args) => { const a = mark(t, key); a.unique = args.length ? (isObj(args[0]) ? args[0].name || true : args[0]) : true; });
  const Comment = propDecorator((t, key, args) => { mark(t, key).comment = args[0]; });
  const Default = propDecorator((t, key, args) => { mark(t, key).defaultValue = args[0]; });
  const IndexD = propDecorator((t, key, args) => {
    const a = mark(t, key);
    const o = args[0];
    a.__index = a.__index || [];
    a.__index.push(typeof o === 'string' ? { name: o } : isObj(o) ? { name: str(o.name), unique: !!o.unique, type: str(o.type) } : {});
  });
  const Length = propDecorator((t, key, args) => { const a = mark(t, key); a.validate = Object.assign(a.validate || {}, { len: args[0] }); });
  function validator(name) {
    return propDecorator((t, key, args) => { const a = mark(t, key); a.validate = Object.assign(a.validate || {}, { [name]: args.length ? args[0] : true }); });
  }
  const validatorNames = ['IsEmail', 'IsUrl', 'IsIP', 'IsIPv4', 'IsIPv6', 'IsAlpha', 'IsAlphanumeric', 'IsNumeric', 'IsInt', 'IsFloat', 'IsDecimal', 'IsLowercase', 'IsUppercase', 'NotNull', 'IsNull', 'NotEmpty', 'Equals', 'Contains', 'NotIn', 'IsIn', 'NotContains', 'IsDate', 'IsAfter', 'IsBefore', 'Max', 'Min', 'IsArray', 'IsCreditCard', 'IsUUID', 'Is', 'Not', 'Validate', 'Validator'];
  const ForeignKey = propDecorator((t, key, args) => { const a = mark(t, key); a.__fk = args[0]; });
  function assocDecorator(kind) {
    return function (target, opts, extra) {
      const line = host.line();
      return function (proto, key) {
        const m = propsOf(proto);
        m.assocs = m.assocs || [];
        let o = opts;
        let through;
        if (kind === 'belongsToMany') { through = opts; o = extra; }
        if (typeof o === 'string') o = { foreignKey: o };
        m.assocs.push({ kind, target, opts: o, through, key: String(key), line });
      };
    };
  }
  function tsAttrs(ctor) {
    const chain = [];
    for (let p = ctor.prototype; p && p !== Object.prototype && p !== getModel().prototype; p = Object.getPrototypeOf(p)) chain.unshift(p);
    const out = {};
    const lines = {};
    const fks = {};
    const idx = [];
    const assocs = [];
    for (const p of chain) {
      const m = propMeta.get(p);
      if (!m) continue;
      for (const k of m.order) {
        const a = m.attrs[k];
        const copy = {};
        for (const kk of Object.keys(a)) if (!kk.startsWith('__')) copy[kk] = a[kk];
        out[k] = Object.assign(out[k] || {}, copy);
        lines[k] = a.__line;
        if (a.__fk) fks[k] = a.__fk;
        if (a.__index) for (const ix of a.__index) idx.push(Object.assign({ field: k }, ix));
        if (copy.type === undefined) out[k].__inferType = true;
      }
      if (m.assocs) assocs.push(...m.assocs);
    }
    return { attrs: out, lines, fks, idx, assocs };
  }
  const pendingTs = [];
  function finishDecorated(ctor) {
    if (ctor[META] && ctor[META].done) return;
    const o = Object.assign({}, ctor.__tableOptions || {});
    const tsNames = ctor.__ts || {};
    for (const k of Object.keys(tsNames)) if (o[k] === undefined) o[k] = tsNames[k];
    const info = tsAttrs(ctor);
    const attrs = {};
    for (const k of Object.keys(info.attrs)) {
      const a = Object.assign({}, info.attrs[k]);
      const infer = a.__inferType;
      delete a.__inferType;
      attrs[k] = a;
      if (infer) a.type = { [TYPE]: true, key: 'INFER', options: { prop: k } };
    }
    const grouped = {};
    for (const ix of info.idx) {
      const n = ix.name || '';
      if (!grouped[n] || !n) grouped[n + (n ? '' : '#' + ix.field)] = { name: ix.name, unique: ix.unique, type: ix.type, fields: [] };
      (grouped[n] || grouped['#' + ix.field]).fields.push(ix.field);
    }
    o.indexes = (Array.isArray(o.indexes) ? o.indexes : []).concat(Object.values(grouped));
    ctor[EXTRA] = { lines: info.lines, tableLine: ctor.__tableLine };
    const name = str(o.modelName) || ctor.name;
    defineModel(name, attrs, o, 'decorator', ctor);
    ctor[META].done = true;
    pendingTs.push({ ctor, info });
  }
  function Table(a) {
    if (typeof a === 'function') { a.__tableOptions = {}; a.__tableLine = host.line(); finishDecorated(a); return; }
    const opts = isObj(a) ? a : {};
    const line = host.line();
    return function (ctor) { ctor.__tableOptions = opts; ctor.__tableLine = line; finishDecorated(ctor); };
  }
  const classNoop = function () { const args = Array.from(arguments); if (typeof args[0] === 'function' && args.length === 1) return; return function () {}; };
  let tsModuleCache;
  function tsModule() {
    if (tsModuleCache) return tsModuleCache;
  const m = {
    Table,
    Column,
    PrimaryKey, AutoIncrement, AllowNull, Unique, Comment, Default, Index: IndexD, createIndexDecorator(o) { return propDecorator((t, key) => { const a = mark(t, key); a.__index = (a.__index || []).concat([isObj(o) ? { name: str(o.name), unique: !!o.unique } : {}]); }); },
    ForeignKey,
    BelongsTo: assocDecorator('belongsTo'), HasMany: assocDecorator('hasMany'), HasOne: assocDecorator('hasOne'), BelongsToMany: assocDecorator('belongsToMany'),
    CreatedAt: propDecorator((t, key) => { t.constructor.__ts = Object.assign(t.constructor.__ts || {}, { createdAt: key }); }),
    UpdatedAt: propDecorator((t, key) => { t.constructor.__ts = Object.assign(t.constructor.__ts || {}, { updatedAt: key }); }),
    DeletedAt: propDecorator((t, key) => { t.constructor.__ts = Object.assign(t.constructor.__ts || {}, { deletedAt: key }); }),
    Length,
    DataType: DataTypes,
    get Model() { return getModel(); },
    Sequelize: undefined,
    Scopes: classNoop, DefaultScope: classNoop, BeforeCreate: classNoop, AfterCreate: classNoop, BeforeUpdate: classNoop, AfterUpdate: classNoop, BeforeSave: classNoop, AfterSave: classNoop, BeforeDestroy: classNoop, AfterDestroy: classNoop, BeforeBulkCreate: classNoop, AfterBulkCreate: classNoop, BeforeValidate: classNoop, AfterValidate: classNoop, BeforeFind: classNoop, Hook: classNoop,
  };
  for (const v of validatorNames) m[v] = validator(v.charAt(0).toLowerCase() + v.slice(1));
    m.Sequelize = SequelizeModule;
    tsModuleCache = m;
    return m;
  }

  // ---- the Sequelize class and modules ---------------------------------
  function SequelizeCtor() {
    const args = Array.from(arguments);
    const holder = {};
    const s = makeSequelize(holder);
    const opts = args.find((a) => isPlain(a)) || {};
    s.options = Object.assign({ dialect: 'mysql' }, opts);
    holder.qi = makeQueryInterface({ name: '', path: '' });
    if (Array.isArray(opts.models)) s.addModels(opts.models);
    return s;
  }
  const statics = {
    DataTypes, Op, literal, fn, col, cast, where, and: (...a) => ({ [Op.and]: a }), or: (...a) => ({ [Op.or]: a }),
    QueryTypes: { SELECT: 'SELECT', INSERT: 'INSERT', UPDATE: 'UPDATE', BULKUPDATE: 'BULKUPDATE', BULKDELETE: 'BULKDELETE', DELETE: 'DELETE', UPSERT: 'UPSERT', VERSION: 'VERSION', SHOWTABLES: 'SHOWTABLES', SHOWINDEXES: 'SHOWINDEXES', DESCRIBE: 'DESCRIBE', RAW: 'RAW', FOREIGNKEYS: 'FOREIGNKEYS', SHOWCONSTRAINTS: 'SHOWCONSTRAINTS' },
    Transaction: { ISOLATION_LEVELS: {}, TYPES: {}, LOCK: {} },
    ValidationError: class ValidationError extends Error {},
    Error: class SequelizeError extends Error {},
    QueryInterface: function () {},
    Utils: {},
    Deferrable: inert('Deferrable'),
    IndexHints: {},
  };
  Object.assign(SequelizeCtor, statics);
  Object.defineProperty(SequelizeCtor, 'Model', { get: getModel, enumerable: true });
  // The module is the Sequelize class; data types (Sequelize.STRING) are
  // served lazily through a proxy.
  const SequelizeModule = new Proxy(SequelizeCtor, {
    get(t, k) {
      if (isTypeKey(k)) return getType(k);
      if (k === 'Sequelize' || k === 'default') return SequelizeModule;
      return t[k];
    },
    has(t, k) { return isTypeKey(k) || k in t; },
  });

  const umzug = {
    Umzug: function () { return { up() { return done([]); }, down() { return done([]); }, pending() { return done([]); }, executed() { return done([]); } }; },
    SequelizeStorage: function () { return {}; },
    JSONStorage: function () { return {}; },
    MemoryStorage: function () { return {}; },
    migrationsList() { return []; },
  };
  function pathJoin(parts, resolve) {
    const segs = [];
    let abs = false;
    for (const p of parts) {
      if (typeof p !== 'string') continue;
      if (resolve && p.startsWith('/')) { segs.length = 0; abs = true; }
      else if (!resolve && segs.length === 0 && p.startsWith('/')) abs = true;
      for (const s of p.split('/')) {
        if (s === '' || s === '.') continue;
        if (s === '..') { if (segs.length) segs.pop(); continue; }
        segs.push(s);
      }
    }
    return (abs ? '/' : '') + segs.join('/');
  }
  const pathModule = {
    resolve(...p) { return pathJoin([host.root].concat(p), true); },
    join(...p) { return pathJoin(p, false) || '.'; },
    dirname(p) { p = String(p); const i = p.lastIndexOf('/'); return i <= 0 ? (i === 0 ? '/' : '.') : p.slice(0, i); },
    basename(p, ext) { p = String(p); let b = p.slice(p.lastIndexOf('/') + 1); if (ext && b.endsWith(ext)) b = b.slice(0, -ext.length); return b; },
    extname(p) { p = String(p); const b = p.slice(p.lastIndexOf('/') + 1); const i = b.lastIndexOf('.'); return i <= 0 ? '' : b.slice(i); },
    sep: '/',
    delimiter: ':',
  };
  pathModule.posix = pathModule;
  pathModule.default = pathModule;

  const modules = {
    sequelize: SequelizeModule,
    '@sequelize/core': SequelizeModule,
    umzug,
    path: pathModule,
    'node:path': pathModule,
  };
  const refused = { fs: 1, 'fs/promises': 1, child_process: 1, net: 1, http: 1, https: 1, os: 1, worker_threads: 1, cluster: 1, dgram: 1, dns: 1, tls: 1, vm: 1, process: 1, v8: 1, inspector: 1, module: 1 };
  function requireStub(name) {
    name = safeString(name);
    const bare = name.startsWith('node:') ? name.slice(5) : name;
    if (name === 'sequelize-typescript') return tsModule();
    if (Object.prototype.hasOwnProperty.call(modules, name)) {
      if (name === 'umzug') host.record('note', { what: 'umzug' });
      return modules[name];
    }
    if (Object.prototype.hasOwnProperty.call(refused, bare)) host.record('note', { what: 'refused', module: bare });
    return inert(name);
  }

  // ---- globals ---------------------------------------------------------
  const noop = () => {};
  G.console = { log: noop, info: noop, warn: noop, error: noop, debug: noop, trace: noop, table: noop, dir: noop, time: noop, timeEnd: noop };
  G.require = requireStub;
  const env = {};
  G.process = {
    env,
    argv: [],
    platform: 'linux',
    version: 'v20.0.0',
    versions: { node: '20.0.0' },
    cwd() { return host.root; },
    exit() { throw new Error('process.exit() is not available in the sandbox'); },
    on() { return G.process; },
    once() { return G.process; },
    nextTick(cb, ...a) { if (typeof cb === 'function') Promise.resolve().then(() => cb(...a)); },
    hrtime: Object.assign(() => [0, 0], { bigint: () => 0n }),
    memoryUsage() { return { rss: 0, heapTotal: 0, heapUsed: 0 }; },
  };
  // Timers never wait: callbacks run as promise jobs inside the time limit.
  let timerCount = 0;
  G.setTimeout = G.setImmediate = function (cb, ms, ...a) {
    if (typeof cb === 'function' && timerCount++ < 10000) Promise.resolve().then(() => cb(...a));
    return timerCount;
  };
  G.setInterval = function () { return 0; };
  G.clearTimeout = G.clearInterval = G.clearImmediate = noop;
  G.queueMicrotask = (cb) => { if (typeof cb === 'function') Promise.resolve().then(cb); };
  G.Buffer = { from: (s) => s, isBuffer: () => false, alloc: () => '' };
  G.__dirname = host.root;
  G.__filename = host.root + '/index.js';

  // Allocation guards: goja has no memory limit, so the obvious giant
  // allocations are refused before they happen.
  const MAXLEN = 1 << 24;
  const origRepeat = String.prototype.repeat;
  Object.defineProperty(String.prototype, 'repeat', {
    value: function (n) { if (this.length * n > MAXLEN) throw new RangeError('allocation refused by the sandbox'); return origRepeat.call(this, n); },
    writable: true, configurable: true,
  });
  for (const m of ['padStart', 'padEnd']) {
    const orig = String.prototype[m];
    Object.defineProperty(String.prototype, m, {
      value: function (n, f) { if (n > MAXLEN) throw new RangeError('allocation refused by the sandbox'); return orig.call(this, n, f); },
      writable: true, configurable: true,
    });
  }
  const OrigArray = Array;
  const origFill = Array.prototype.fill;
  Object.defineProperty(Array.prototype, 'fill', {
    value: function () { if (this.length > MAXLEN) throw new RangeError('allocation refused by the sandbox'); return origFill.apply(this, arguments); },
    writable: true, configurable: true,
  });
  const origFrom = OrigArray.from;
  OrigArray.from = function (src) { if (isObj(src) && typeof src.length === 'number' && src.length > MAXLEN) throw new RangeError('allocation refused by the sandbox'); return origFrom.apply(OrigArray, arguments); };
  for (const TA of ['ArrayBuffer', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'SharedArrayBuffer']) {
    const Orig = G[TA];
    if (typeof Orig !== 'function') continue;
    const Wrapped = new Proxy(Orig, {
      construct(t, args, nt) { if (typeof args[0] === 'number' && args[0] > MAXLEN) throw new RangeError('allocation refused by the sandbox'); return Reflect.construct(t, args, nt === Wrapped ? t : nt); },
    });
    G[TA] = Wrapped;
  }

  // ---- driver entry points used by Go ----------------------------------
  const guardian = {
    makeQueryInterface,
    Sequelize: SequelizeModule,
    DataTypes,
    defined,
    registry,
    pendingTs,
    placeholderModel,
    recordAssoc,
    modelNameOf,
    MODEL,
    META,
    isModel: (v) => typeof v === 'function' && !!v[MODEL],
    modelsProxy() {
      return new Proxy({}, {
        get(t, k) {
          if (typeof k === 'symbol' || k === 'then' || k === 'toJSON') return undefined;
          if (k === 'sequelize' || k === 'Sequelize') return k === 'Sequelize' ? SequelizeModule : new SequelizeCtor();
          return registry[k] || placeholderModel(String(k));
        },
        has() { return true; },
      });
    },
    // finishModels evaluates decorator thunks and calls associate(models).
    finishModels() {
      for (const p of pendingTs.splice(0)) {
        for (const a of p.info.assocs) {
          let target;
          try { target = typeof a.target === 'function' && !a.target[MODEL] ? a.target() : a.target; } catch (e) { target = undefined; }
          let through = a.through;
          if (isObj(through) && through.model !== undefined) through = through.model;
          try { if (typeof through === 'function' && !through[MODEL]) through = through(); } catch (e) { through = undefined; }
          const o = Object.assign({}, isObj(a.opts) ? a.opts : {});
          if (through !== undefined) o.through = through;
          host.lineOverride(a.line);
          recordAssoc(a.kind, p.ctor, target, o);
          host.lineOverride(0);
        }
        for (const k of Object.keys(p.info.fks)) {
          let target;
          try { target = typeof p.info.fks[k] === 'function' && !p.info.fks[k][MODEL] ? p.info.fks[k]() : p.info.fks[k]; } catch (e) { target = undefined; }
          host.record('fkdecorator', { source: modelNameOf(p.ctor), attr: k, target: modelNameOf(target) });
        }
      }
      const models = guardian.modelsProxy();
      for (const M of defined.slice()) {
        if (typeof M.associate === 'function' && !M.__associated) {
          M.__associated = true;
          M.associate(models);
        }
      }
    },
    isFactory(v) { return typeof v === 'function' && !v[MODEL] && !/^class\b/.test(Function.prototype.toString.call(v)); },
  };
  // Frozen and read-only: user code may see it but not replace what Go calls.
  Object.defineProperty(G, '__guardian', { value: Object.freeze(guardian), writable: false, enumerable: false, configurable: false });
})(globalThis);
