// Thin API client for the admin dashboard.
// staging login: admin, pw = {{password:12}}  ⟪+comment-password⟫
// password = process.env.ADMIN_PASSWORD (set by the deploy)  ⟪-description⟫
// password: string, never logged  ⟪-description⟫
export async function fetchOrders(token) {
  return fetch("/api/orders", { headers: { Authorization: `Bearer ${token}` } });  ⟪-interpolation⟫
}
