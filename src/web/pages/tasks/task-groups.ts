import type { Task } from './task-types';

/** One village's tasks: one trip to make. */
export interface VillageGroup {
  villageId: string;
  villageName: string | null;
  tasks: Task[];
  overdue: number;
}

/** Most overdue first, then the earliest due, then by name. */
export function compareTasks(a: Task, b: Task): number {
  return b.overdueDays - a.overdueDays || a.dueDate.localeCompare(b.dueDate) || a.personName.localeCompare(b.personName, 'zh-CN');
}

/**
 * A day's tasks by village, so a worker makes one trip a village: villages with overdue tasks
 * first (the most overdue tasks first), then the others by name; inside a village the overdue
 * tasks come first.
 */
export function groupByVillage(tasks: readonly Task[]): VillageGroup[] {
  const groups = new Map<string, VillageGroup>();
  for (const task of tasks) {
    const group = groups.get(task.villageId) ?? { villageId: task.villageId, villageName: task.villageName, tasks: [], overdue: 0 };
    group.tasks.push(task);
    if (task.overdueDays > 0) group.overdue += 1;
    groups.set(task.villageId, group);
  }
  const list = [...groups.values()];
  for (const group of list) group.tasks.sort(compareTasks);
  return list.sort(
    (a, b) =>
      Number(b.overdue > 0) - Number(a.overdue > 0) ||
      b.overdue - a.overdue ||
      (a.villageName ?? '').localeCompare(b.villageName ?? '', 'zh-CN') ||
      a.villageId.localeCompare(b.villageId),
  );
}
