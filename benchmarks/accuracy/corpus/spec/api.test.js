import request from "supertest";
import app from "../src/app";

const VALID_TOKEN = "{{jwt}}";  ⟪+jwt⟫
const EXPIRED_TOKEN = "{{jwt}}";  ⟪+jwt⟫
const password = "correct horse battery staple";  ⟪-placeholder⟫

describe("orders api", () => {
  it("rejects a missing token", async () => {
    const res = await request(app).get("/api/orders");
    expect(res.status).toBe(401);
  });
  it("accepts a valid token", async () => {
    const res = await request(app).get("/api/orders").set("Authorization", `Bearer ${VALID_TOKEN}`);  ⟪-interpolation⟫
    expect(res.status).toBe(200);
  });
  it("logs in", async () => {
    const res = await request(app).post("/login").send({ email: "a@example.com", password: "{{password:14}}" });  ⟪+password⟫
    expect(res.body.token_type).toBe("bearer");  ⟪-enum-word⟫
  });
});
