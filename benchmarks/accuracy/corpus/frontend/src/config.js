// Runtime configuration for the storefront.
export const API_BASE = process.env.REACT_APP_API_BASE || "https://api.example.com";
export const apiKey = process.env.REACT_APP_API_KEY;  ⟪-env-reference⟫
export const mapboxToken = "pk.eyJ1IjoibXlzaG9wIiwiYSI6ImNrZXkifQ.{{base64url:22}}";  ⟪-public-key⟫
const adminToken = "{{alnum:40}}";  ⟪+generic-secret⟫
const firebaseConfig = {
  apiKey: "AIza{{base64url:35}}",  ⟪+provider-token⟫
  authDomain: "myshop-web.firebaseapp.com",
  projectId: "myshop-web",
  appId: "1:{{digits:12}}:web:{{hex:22}}",
};
export const passwordPolicy = { minLength: 12, requireSymbol: true };
export const tokenStorageKey = "myshop.auth.token";  ⟪-name-only⟫
const privateApiSecret = "{{base64:48}}";  ⟪+generic-secret⟫
export default { firebaseConfig, adminToken, privateApiSecret };
