export interface User {
  id: string;
  email: string;
  passwordHash: string;
}

export interface Order {
  id: string;
  userId: string;
  total: number;
}

const users = new Map<string, User>();
const orders = new Map<string, Order>();

export const db = {
  async findUserByEmail(email: string): Promise<User | undefined> {
    return [...users.values()].find((user) => user.email === email);
  },
  async findOrder(id: string): Promise<Order | undefined> {
    return orders.get(id);
  },
  async searchOrders(userId: string, text: string): Promise<Order[]> {
    return [...orders.values()].filter((order) => order.userId === userId && order.id.includes(text));
  },
  async cancelOrder(orderId: string, userId: string): Promise<void> {
    const order = orders.get(orderId);
    if (!order || order.userId !== userId) throw new Error(`no order ${orderId} for user ${userId}`);
    orders.delete(orderId);
  },
  async markPaid(orderId: string): Promise<void> {
    const order = orders.get(orderId);
    if (!order) throw new Error(`unknown order ${orderId}`);
  },
};
