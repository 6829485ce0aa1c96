import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { followsOnlyBodyParser, isBodyParserCreation } from '../../src/model/body-parsers.js';
import { isFunctionNode } from '../../src/model/ast.js';
import { probe, probeCalls } from '../helpers/probe.js';

describe('isBodyParserCreation', () => {
  it("body-parser's factories and Express's re-exports, imported any way", () => {
    const code = `
      const bodyParser = require('body-parser');
      import express, { json } from 'express';
      const { urlencoded } = require('body-parser');
      bodyParser.json({ limit: '1mb' });
      bodyParser();
      express.json();
      json();
      urlencoded({ extended: true });
      express.static('public');
      other.json();
    `;
    const calls = probeCalls(code, (context, node) => isBodyParserCreation(context, node));
    expect(Object.fromEntries([...calls].filter(([text]) => !text.startsWith('require')))).toEqual({
      "bodyParser.json({ limit: '1mb' })": true,
      'bodyParser()': true,
      'express.json()': true,
      'json()': true,
      'urlencoded({ extended: true })': true,
      "express.static('public')": false,
      'other.json()': false,
    });
  });
});

/** followsOnlyBodyParser for every four-parameter function, in source order. */
function handlers(code: string): boolean[] {
  const out: boolean[] = [];
  probe(code, (context) => ({
    ':function'(node: TSESTree.Node) {
      if (isFunctionNode(node) && node.params.length === 4) out.push(followsOnlyBodyParser(context, node));
    },
  }));
  return out;
}

describe('followsOnlyBodyParser', () => {
  it('an error handler registered right after a body parser on the same receiver, or after one in the same call', () => {
    expect(
      handlers(`
        import express from 'express';
        const app = express();
        app.use(express.json());
        app.use((err, req, res, next) => next(err));
        router.use(express.urlencoded(), (err, req, res, next) => next(err));
      `),
    ).toEqual([true, true]);
  });

  it('not after routes, another receiver, or a parser further up', () => {
    expect(
      handlers(`
        import express from 'express';
        const app = express();
        app.use(express.json());
        other.use((err, req, res, next) => next(err));
        app.use(express.json());
        app.use('/api', api);
        app.use((err, req, res, next) => next(err));
        app.use(express.json());
        app.use(cors());
        app.use((err, req, res, next) => next(err));
      `),
    ).toEqual([false, false, false]);
  });
});
