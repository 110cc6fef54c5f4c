import { redirect } from "next/navigation";

// Until the signed-in dashboard exists, the front door is the login page.
export default function HomePage() {
  redirect("/login");
}
