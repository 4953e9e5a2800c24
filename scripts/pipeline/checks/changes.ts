// The narrative against itself: the change of the “三公” total vs the prior year against the changes
// it then states item by item (郑州 :138 says −4.5, its items :142–146 add up to −4.4).
import { round6 } from '../text.ts';
import type { Ctx } from './core.ts';
import { narrativeFacts } from './core.ts';

export function changeChecks({ t, precision, add }: Ctx): void {
  // The narrative prints 万元 to at most two decimals (a table in 元 makes `precision` 6).
  const decimals = Math.min(precision, 2);
  const { value, lines } = narrativeFacts(t);
  const show = (v: number) => (v > 0 ? `+${v}` : `${v}`);
  const sum = (keys: string[]) => round6(keys.reduce((a, k) => a + (value(k) ?? 0), 0));

  // 公务用车购置及运行费 = 购置费 + 运行维护费, when the narrative states all three changes.
  const vehicleParts = ['three_public_vehicle_purchase_change', 'three_public_vehicle_operation_change'];
  const vehicle = value('three_public_vehicle_change');
  if (vehicle !== null && vehicleParts.every((k) => value(k) !== null)) {
    add({ id: 'narrative_sum:three_public_vehicle_change', kind: 'narrative_sum', table: 'facts',
      description: `情况说明：公务用车购置及运行费比上年的增减（${show(vehicle)} 万元）= 购置费（${show(value(vehicleParts[0]!)!)}）＋运行维护费（${show(value(vehicleParts[1]!)!)}）的增减之和`,
      expected: vehicle, actual: sum(vehicleParts), terms: vehicleParts.length, decimals, lines: lines('three_public_vehicle_change', ...vehicleParts) });
  }
  // “三公” = 因公出国（境）费 + 公务用车购置及运行费 (or its two parts) + 公务接待费.
  const total = value('three_public_change');
  const vehicleKeys = vehicle !== null ? ['three_public_vehicle_change'] : vehicleParts;
  const parts = ['three_public_overseas_change', ...vehicleKeys, 'three_public_reception_change'];
  if (total !== null && parts.every((k) => value(k) !== null)) {
    const zh: Record<string, string> = {
      three_public_overseas_change: '因公出国（境）费', three_public_vehicle_change: '公务用车购置及运行费',
      three_public_vehicle_purchase_change: '公务用车购置费', three_public_vehicle_operation_change: '公务用车运行维护费', three_public_reception_change: '公务接待费',
    };
    add({ id: 'narrative_sum:three_public_change', kind: 'narrative_sum', table: 'facts',
      description: `情况说明：“三公”经费比上年的增减（${show(total)} 万元）= 各项增减之和（${parts.map((k) => `${zh[k]} ${show(value(k)!)}`).join('，')}）`,
      expected: total, actual: sum(parts), terms: parts.length, decimals, lines: lines('three_public_change', ...parts) });
  }
}
