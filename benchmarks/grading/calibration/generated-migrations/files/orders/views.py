from django.db import connection
from django.http import JsonResponse


def search(request):
    customer = request.GET.get("customer", "")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, total FROM orders_order WHERE customer = '{customer}'")
        rows = cursor.fetchall()
    return JsonResponse({"orders": rows})
