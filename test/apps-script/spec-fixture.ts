/**
 * A hand-written SheetSpec with every feature the Sheets port renders: notes, a titled long table
 * with text / money / percent / date / integer columns, value colours, a heat-map, a pareto chart,
 * and a small untitled summary block; plus hostile strings in text cells.
 */
import type { SheetSpec } from '../../core/report/spec.js';

export const HOSTILE = ['=HYPERLINK("http://evil.example","click")', '+7 999 123-45-67', '-5', '@SUM(A1)', '2026-03-05'];

/** Day 20517 is 2026-03-05 (serial 46086). */
export const DAY = 20517;

export function clientsSpec(rows: number, name = 'Clients'): SheetSpec {
  const statuses = ['active', 'at-risk', 'lost', 'new'];
  return {
    key: 'clients',
    name,
    notes: ['As of 2026-03-05.', 'One row per client.'],
    tables: [
      {
        id: 'clients',
        title: 'All clients',
        asTable: true,
        columns: [
          { key: 'client', header: 'Client', format: 'text', width: 30 },
          { key: 'value', header: 'Revenue', format: 'money', width: 14 },
          { key: 'share', header: 'Share', format: 'percent', width: 8 },
          { key: 'status', header: 'Status', format: 'text', width: 10 },
          { key: 'last', header: 'Last purchase', format: 'date', width: 12 },
          { key: 'orders', header: 'Orders', format: 'integer', width: 8 },
        ],
        rows: Array.from({ length: rows }, (_, i) => [
          i < HOSTILE.length ? HOSTILE[i] : `Client ${i}`,
          1000 - i + 0.5,
          (rows - i) / (rows * 10),
          statuses[i % 4],
          i === 1 ? null : DAY - i,
          i,
        ]),
        valueColours: [{ column: 'status', colours: { active: '#d9ead3', 'at-risk': '#fff2cc', lost: '#f4cccc' } }],
        heatMap: { columns: ['value', 'share'], low: '#ffffff', mid: '#ffe599', high: '#e06666' },
      },
      {
        id: 'totals',
        asTable: false,
        columns: [
          { key: 'label', header: 'Status', format: 'text', width: 12 },
          { key: 'clients', header: 'Clients', format: 'integer', width: 8 },
        ],
        rows: [
          ['active', 2],
          ['lost', 1],
        ],
      },
    ],
    charts: [{ kind: 'pareto', title: 'Pareto', table: 'clients', categories: 'client', series: ['value', 'share'] }],
    freezeHeader: true,
  };
}

export function kpiSpec(): SheetSpec {
  return {
    key: 'kpi',
    name: 'KPI',
    notes: [],
    tables: [
      {
        id: 'quarters',
        asTable: true,
        columns: [
          { key: 'quarter', header: 'Quarter', format: 'text', width: 8 },
          { key: 'lost', header: 'Lost', format: 'integer', width: 8 },
          { key: 'returned', header: 'Returned', format: 'integer', width: 8 },
        ],
        rows: [
          ['2025Q4', 3, 1],
          ['2026Q1', 2, 2],
        ],
      },
    ],
    charts: [{ kind: 'stacked-column', title: 'Lost and returned', table: 'quarters', categories: 'quarter', series: ['lost', 'returned'] }],
    freezeHeader: false,
  };
}
